using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

/// <summary>The managed key/value-cache step against LibTorch's forward pass.</summary>
public sealed class TransformerPredictorTests
{
    [Theory]
    [InlineData(16, 2, 32, 1, 8, 30)]
    [InlineData(16, 4, 24, 2, 12, 30)]
    [InlineData(12, 3, 20, 3, 7, 17)] // sizes that are not multiples of the vector width or of 4 rows
    [InlineData(64, 4, 128, 2, 32, 197)]
    public void ManagedStep_WithinTheContext_MatchesTheForwardPass(int width, int heads, int feedForward, int layers, int context, int vocabulary)
    {
        manual_seed(width + heads + layers);
        using var network = CreateNetwork(width, heads, feedForward, layers, context, vocabulary);
        using var managed = network.CreatePredictor(InferenceEngine.Managed);
        using var torchWindow = network.CreatePredictor(InferenceEngine.Torch);
        float[] expected = new float[vocabulary], actual = new float[vocabulary];
        var random = new Random(width);

        var worst = 0f;
        for (var step = 0; step < context; step++)
        {
            var token = random.Next(vocabulary);
            managed.Feed(token);
            torchWindow.Feed(token);
            managed.Predict(actual);
            torchWindow.Predict(expected);
            worst = Math.Max(worst, LargestDifference(expected, actual));
        }

        Assert.IsType<ManagedTransformerPredictor>(managed);
        Assert.IsType<TransformerPredictor>(torchWindow);
        Assert.True(worst < 1e-4f, $"largest logit difference {worst}");
    }

    [Fact]
    public void ManagedStep_FarBeyondTheContext_IsSlidingWindowAttention()
    {
        const int Context = 8, Vocabulary = 23, Length = 61;
        manual_seed(3);
        using var network = CreateNetwork(16, 2, 24, 2, Context, Vocabulary);
        using var managed = network.CreatePredictor(InferenceEngine.Managed);
        var random = new Random(4);
        var tokens = Enumerable.Range(0, Length).Select(_ => (long)random.Next(Vocabulary)).ToArray();

        // The reference: the whole stream at once, each position seeing the last Context tokens.
        using var input = tensor(tokens, [1, Length]);
        using var noGrad = no_grad();
        using var reference = network.Forward(input, attentionSpan: Context);
        var expected = reference.contiguous().data<float>().ToArray();
        var actual = new float[Vocabulary];
        var worst = 0f;
        for (var step = 0; step < Length; step++)
        {
            managed.Feed((int)tokens[step]);
            managed.Predict(actual);
            worst = Math.Max(worst, LargestDifference(expected.AsSpan(step * Vocabulary, Vocabulary), actual));
        }

        Assert.True(worst < 1e-4f, $"largest logit difference {worst}");
    }

    [Fact]
    public void ManagedStep_AfterAReset_StartsAFreshStream()
    {
        manual_seed(9);
        using var network = CreateNetwork(16, 2, 24, 2, 6, 20);
        using var managed = network.CreatePredictor(InferenceEngine.Managed);
        using var torchWindow = network.CreatePredictor(InferenceEngine.Torch);
        float[] expected = new float[20], actual = new float[20];

        foreach (var token in new[] { 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            managed.Feed(token);
        }

        managed.Reset();
        managed.Predict(actual);
        Assert.All(actual, value => Assert.Equal(0f, value));
        managed.Feed(7);
        managed.Feed(2);
        torchWindow.Feed(7);
        torchWindow.Feed(2);
        managed.Predict(actual);
        torchWindow.Predict(expected);

        Assert.True(LargestDifference(expected, actual) < 1e-5f);
    }

    [Fact]
    public void ManagedStep_SteadyState_AllocatesNothing()
    {
        manual_seed(5);
        using var network = CreateNetwork(32, 4, 64, 2, 16, 64);
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
    public void AutoEngine_IsManagedForTransformer()
    {
        using var network = CreateNetwork(8, 2, 8, 1, 4, 10);
        using var predictor = network.CreatePredictor();

        Assert.Equal(InferenceEngine.Managed, network.AutoEngine);
        Assert.IsType<ManagedTransformerPredictor>(predictor);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(16, 3)]
    [InlineData(18, 6)] // heads of 3: odd, so rotary pairs do not fit
    public void Options_WidthThatDoesNotSplitIntoEvenHeads_AreRejected(int width, int heads)
    {
        var options = new NetworkOptions(NetworkOptions.Transformer, width, 32, 2, 0, 0, 16) { Heads = heads };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        // The message names the option to change: the heads, or the width they must divide.
        Assert.True(error.Message.Contains("--heads", StringComparison.Ordinal) || error.Message.Contains("--embedding", StringComparison.Ordinal), error.Message);
    }

    private static TransformerNetwork CreateNetwork(int width, int heads, int feedForward, int layers, int context, int vocabulary)
    {
        var network = new TransformerNetwork(new NetworkOptions(NetworkOptions.Transformer, width, feedForward, layers, 0, 0.0, context) { Heads = heads }, vocabulary);
        // Untrained LayerNorms are the identity; random gains and biases make the test see them.
        using var noGrad = no_grad();
        foreach (var (name, parameter) in network.named_parameters())
        {
            if (name.Contains("Norm", StringComparison.OrdinalIgnoreCase))
            {
                parameter.copy_(rand_like(parameter) + 0.5);
            }
        }

        return network;
    }

    private static float LargestDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        var worst = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        return worst;
    }
}
