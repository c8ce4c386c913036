using System.Diagnostics;

using AiJukebox.Music;

using Xunit.Abstractions;

using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

/// <summary>
/// The model committed under trained/: it loads against its notes file, predicts the corpus
/// better than chance, and generates with flat memory. Step times are reported, not asserted.
/// Set AIJUKEBOX_GENERATION_STEPS to measure longer runs (the report used 100 000).
/// </summary>
public sealed class ShippedModelTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "trained", "piano-midi-de");

    [Theory]
    [InlineData(InferenceEngine.Managed)]
    [InlineData(InferenceEngine.Torch)]
    public void ShippedModel_LongGeneration_LiveTensorCountStaysFlat(InferenceEngine engine)
    {
        var notes = NotesFile.Load(Path.Combine(Folder, "notes.json"));
        using var model = TrainedModel.Load(Path.Combine(Folder, "model.json"), notes, "notes.json");
        var threads = TorchRuntime.Threads;
        TorchRuntime.SetThreads(1);
        try
        {
            using var predictor = model.CreatePredictor(engine);
            var logits = new float[predictor.VocabularySize];
            var random = new Random(5);
            var steps = int.TryParse(Environment.GetEnvironmentVariable("AIJUKEBOX_GENERATION_STEPS"), out var n) ? n : 20_000;
            for (var i = 0; i < 500; i++)
            {
                Step(predictor, logits, random);
            }

            Settle();
            var tensors = Tensor.TotalCount;
            var rssBefore = Process.GetCurrentProcess().WorkingSet64;
            var times = new double[steps];
            var clock = new Stopwatch();
            for (var i = 0; i < steps; i++)
            {
                clock.Restart();
                Step(predictor, logits, random);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }

            Settle();
            var rssAfter = Process.GetCurrentProcess().WorkingSet64;
            Array.Sort(times);
            output.WriteLine($"{engine}, {steps} steps (Predict + sample + Feed, 1 thread): p50 {times[steps / 2]:F3} ms, p99 {times[steps * 99 / 100]:F3} ms, max {times[^1]:F3} ms; RSS {rssBefore / 1048576.0:F1} -> {rssAfter / 1048576.0:F1} MiB; live tensors {tensors} -> {Tensor.TotalCount}");
            Assert.Equal(tensors, Tensor.TotalCount);
        }
        finally
        {
            TorchRuntime.SetThreads(threads);
        }
    }

    [Fact]
    public void ShippedModel_ManagedEngine_AgreesWithLibTorch()
    {
        var notes = NotesFile.Load(Path.Combine(Folder, "notes.json"));
        using var model = TrainedModel.Load(Path.Combine(Folder, "model.json"), notes, "notes.json");
        using var managed = model.CreatePredictor(InferenceEngine.Managed);
        using var torchStep = model.CreatePredictor(InferenceEngine.Torch);
        var size = managed.VocabularySize;
        float[] expected = new float[size], actual = new float[size];
        var random = new Random(8);

        var worst = 0f;
        for (var step = 0; step < 2000; step++)
        {
            torchStep.Predict(expected);
            managed.Predict(actual);
            for (var i = 0; i < size; i++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
            }

            // Both are fed the token sampled from LibTorch's logits, so they see one context.
            var token = Sample(expected, random);
            torchStep.Feed(token);
            managed.Feed(token);
        }

        output.WriteLine($"2000 steps: largest logit difference {worst:E2}");
        Assert.True(worst < 1e-3f, $"largest logit difference {worst}");
    }

    [Theory]
    [InlineData("piano-midi-de")]
    [InlineData("piano-midi-de-chords")]
    [InlineData("pop909-piano-transformer")]
    public void EveryShippedModel_LoadsAndPredictsItsCorpusFarBetterThanChance(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "trained", name);
        var notes = NotesFile.Load(Path.Combine(folder, "notes.json"));
        using var model = TrainedModel.Load(Path.Combine(folder, "model.json"), notes, "notes.json");
        using var predictor = model.CreatePredictor();
        var logits = new float[predictor.VocabularySize];
        // 150 tokens: the bilstm re-reads a 100-token window for each (LibTorch, about 15 ms).
        var tokens = notes.Pieces[^1].Tokens.AsSpan(0, 150);

        double nats = 0;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            predictor.Feed(tokens[i]);
            predictor.Predict(logits);
            var max = logits.Max();
            nats += max + Math.Log(logits.Sum(l => Math.Exp(l - max))) - logits[tokens[i + 1]];
        }

        var perplexity = Math.Exp(nats / (tokens.Length - 1));
        output.WriteLine($"{name} ({model.Network.Kind}): perplexity {perplexity:F2} on 149 tokens of its corpus's last piece; vocabulary {predictor.VocabularySize}");
        Assert.True(perplexity < predictor.VocabularySize / 4.0, $"perplexity {perplexity} against a vocabulary of {predictor.VocabularySize}");
    }

    [Fact]
    public void ShippedTransformer_ManagedEngine_AgreesWithLibTorchWithinItsContext()
    {
        var folder = Path.Combine(RepositoryRoot(), "trained", "pop909-piano-transformer");
        var notes = NotesFile.Load(Path.Combine(folder, "notes.json"));
        using var model = TrainedModel.Load(Path.Combine(folder, "model.json"), notes, "notes.json");
        using var managed = model.CreatePredictor(InferenceEngine.Managed);
        using var window = model.CreatePredictor(InferenceEngine.Torch);
        var size = managed.VocabularySize;
        float[] expected = new float[size], actual = new float[size];
        var random = new Random(8);

        var worst = 0f;
        managed.Feed(1);
        window.Feed(1);
        for (var step = 0; step < 120; step++)
        {
            window.Predict(expected);
            managed.Predict(actual);
            for (var i = 0; i < size; i++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
            }

            var token = Sample(expected, random);
            window.Feed(token);
            managed.Feed(token);
        }

        output.WriteLine($"120 steps: largest logit difference {worst:E2}");
        Assert.True(worst < 1e-3f, $"largest logit difference {worst}");
    }

    private static void Step(ITokenPredictor predictor, float[] logits, Random random)
    {
        predictor.Predict(logits);
        predictor.Feed(Sample(logits, random));
    }

    private static int Sample(float[] logits, Random random)
    {
        // From the softmax, as the sampler does.
        var max = logits.Max();
        double total = 0;
        foreach (var l in logits)
        {
            total += Math.Exp(l - max);
        }

        var target = random.NextDouble() * total;
        var token = 0;
        for (; token < logits.Length - 1; token++)
        {
            target -= Math.Exp(logits[token] - max);
            if (target <= 0)
            {
                break;
            }
        }

        return token;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AiJukebox.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("AiJukebox.sln not found above the test folder.");
    }
}
