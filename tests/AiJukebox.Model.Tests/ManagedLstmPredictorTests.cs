using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

/// <summary>The managed LSTM step against LibTorch's, on networks of awkward sizes.</summary>
public sealed class ManagedLstmPredictorTests
{
    [Theory]
    [InlineData(8, 16, 1, 30)]
    [InlineData(8, 16, 2, 30)]
    [InlineData(5, 13, 3, 17)] // sizes that are not multiples of the vector width or of 4 rows
    [InlineData(32, 64, 2, 197)]
    public void ManagedStep_MatchesLibTorchStep_OverManySteps(int embedding, int hidden, int layers, int vocabulary)
    {
        manual_seed(embedding + hidden + layers);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, embedding, hidden, layers, 16, 0.0, 10), vocabulary);
        using var managed = network.CreatePredictor(InferenceEngine.Managed);
        using var torchStep = network.CreatePredictor(InferenceEngine.Torch);
        float[] expected = new float[vocabulary], actual = new float[vocabulary];
        var random = new Random(hidden);

        var worst = 0f;
        for (var step = 0; step < 300; step++)
        {
            var token = random.Next(vocabulary);
            managed.Feed(token);
            torchStep.Feed(token);
            managed.Predict(actual);
            torchStep.Predict(expected);
            for (var i = 0; i < vocabulary; i++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
            }
        }

        Assert.True(worst < 1e-4f, $"largest logit difference {worst}");
    }

    [Fact]
    public void ManagedStep_IsNotTheSameCodeAsLibTorch_ButAgreesAfterAReset()
    {
        manual_seed(9);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 8, 16, 2, 16, 0.0, 10), 20);
        using var managed = network.CreatePredictor(InferenceEngine.Managed);
        using var torchStep = network.CreatePredictor(InferenceEngine.Torch);
        float[] expected = new float[20], actual = new float[20];

        managed.Feed(3);
        managed.Feed(4);
        managed.Reset();
        managed.Feed(7);
        torchStep.Feed(7);
        managed.Predict(actual);
        torchStep.Predict(expected);

        Assert.IsType<ManagedLstmPredictor>(managed);
        Assert.IsType<LstmPredictor>(torchStep);
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void ManagedStep_SteadyState_AllocatesNothing()
    {
        manual_seed(5);
        using var network = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 16, 32, 2, 16, 0.0, 10), 64);
        using var predictor = network.CreatePredictor(InferenceEngine.Managed);
        var logits = new float[64];
        for (var i = 0; i < 100; i++)
        {
            predictor.Feed(i % 64);
            predictor.Predict(logits);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            predictor.Feed((i * 7) % 64);
            predictor.Predict(logits);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ManagedEngine_ForABiLstm_IsAnErrorThatNamesTheFix()
    {
        using var network = new BiLstmNetwork(new NetworkOptions(NetworkOptions.BiLstm, 4, 4, 1, 4, 0, 4), 10);

        var error = Assert.Throws<ArgumentException>(() => network.CreatePredictor(InferenceEngine.Managed));

        Assert.Contains("--engine torch", error.Message);
    }

    [Fact]
    public void AutoEngine_IsManagedForLstm_AndLibTorchForBiLstm()
    {
        using var lstm = new LstmNetwork(new NetworkOptions(NetworkOptions.Lstm, 4, 4, 1, 4, 0, 4), 10);
        using var bilstm = new BiLstmNetwork(new NetworkOptions(NetworkOptions.BiLstm, 4, 4, 1, 4, 0, 4), 10);
        using var fromLstm = lstm.CreatePredictor();
        using var fromBiLstm = bilstm.CreatePredictor();

        Assert.IsType<ManagedLstmPredictor>(fromLstm);
        Assert.IsType<BiLstmPredictor>(fromBiLstm);
    }
}
