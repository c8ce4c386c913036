using System.Diagnostics;

using AiJukebox.Music;

using Xunit.Abstractions;

using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

public sealed class PredictorTests(ITestOutputHelper output)
{
    [Fact]
    public void LstmPredictor_StepByStep_MatchesAFullForwardPass()
    {
        manual_seed(1);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 8, 16, 2, 16, 0.0, 10), 30);
        int[] tokens = [3, 7, 1, 29, 4, 4, 12];
        using var predictor = network.CreatePredictor();
        var logits = new float[30];

        foreach (var token in tokens)
        {
            predictor.Feed(token);
        }

        predictor.Predict(logits);
        using var input = tensor(tokens.Select(t => (long)t).ToArray(), [1, tokens.Length]);
        using var full = network.call(input);
        var expected = full[0, tokens.Length - 1].data<float>().ToArray();
        Assert.Equal(expected, logits, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void LstmPredictor_Reset_ForgetsTheContext()
    {
        manual_seed(2);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 8, 16, 1, 16, 0.0, 10), 20);
        using var predictor = network.CreatePredictor();
        float[] first = new float[20], again = new float[20], empty = new float[20];

        predictor.Feed(5);
        predictor.Predict(first);
        predictor.Feed(6);
        predictor.Reset();
        predictor.Predict(empty);
        predictor.Feed(5);
        predictor.Predict(again);

        Assert.Equal(first, again);
        Assert.All(empty, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void BiLstmPredictor_SlidingWindow_ReadsOnlyTheLastWindowTokens()
    {
        manual_seed(3);
        var options = new NetworkOptions(NetworkOptions.BiLstm, 8, 16, 1, 16, 0.0, Window: 4);
        using var network = new BiLstmNetwork(options, 25);
        using var predictor = network.CreatePredictor();
        var logits = new float[25];

        foreach (var token in new[] { 9, 9, 9, 1, 2, 3, 4 })
        {
            predictor.Feed(token);
        }

        predictor.Predict(logits);
        network.eval();
        using var input = tensor(new long[] { 1, 2, 3, 4 }, [1, 4]);
        using var expected = network.call(input);
        Assert.Equal(expected[0].data<float>().ToArray(), logits, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Predictor_TokenOutsideVocabulary_Throws()
    {
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 4, 4, 1, 4, 0, 4), 10);
        using var predictor = network.CreatePredictor();
        Assert.Throws<ArgumentOutOfRangeException>(() => predictor.Feed(10));
    }

    [Fact]
    public void LstmPredictor_ManyGenerationSteps_LiveTensorCountStaysFlat()
    {
        manual_seed(4);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 16, 32, 2, 16, 0.0, 10), 64);
        using var predictor = network.CreatePredictor();
        var logits = new float[64];
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            Step(predictor, logits, random);
        }

        CollectGarbage();
        var tensorsBefore = Tensor.TotalCount;
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        const int Steps = 20_000;
        for (var i = 0; i < Steps; i++)
        {
            Step(predictor, logits, random);
        }

        CollectGarbage();
        var rssAfter = Process.GetCurrentProcess().WorkingSet64;
        // Live tensors are counted exactly, so this cannot flake; RSS is only reported.
        Assert.Equal(tensorsBefore, Tensor.TotalCount);
        output.WriteLine($"{Steps} steps: live tensors {tensorsBefore} -> {Tensor.TotalCount}, RSS {rssBefore / 1048576.0:F1} -> {rssAfter / 1048576.0:F1} MiB");
    }

    private static void CollectGarbage()
    {
        // Tensors of earlier tests may still await finalization; settle them before counting.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Step(ITokenPredictor predictor, float[] logits, Random random)
    {
        predictor.Predict(logits);
        // Greedy with a little noise: any token choice exercises the same path.
        var best = 0;
        for (var t = 1; t < logits.Length; t++)
        {
            if (logits[t] + random.NextSingle() > logits[best])
            {
                best = t;
            }
        }

        predictor.Feed(best);
    }
}
