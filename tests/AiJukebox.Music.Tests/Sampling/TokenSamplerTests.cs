using AiJukebox.Music.Sampling;

using CsCheck;

namespace AiJukebox.Music.Tests.Sampling;

public sealed class TokenSamplerTests
{
    private const int Draws = 10_000;

    // Probabilities 0.5, 0.3, 0.15, 0.05 as logits.
    private static readonly float[] Skewed = [MathF.Log(0.5f), MathF.Log(0.3f), MathF.Log(0.15f), MathF.Log(0.05f)];

    [Fact]
    public void Sample_SameSeedLogitsAndOptions_SameTokens()
    {
        var gen = Gen.Int[2, 40].SelectMany(n => Gen.Select(
            Gen.Float[-8f, 8f].Array[n],
            Gen.ULong,
            Gen.Double[0.05, 3.0],
            Gen.Int[0, n],
            Gen.Double[0.05, 1.0]));
        gen.Sample(t =>
        {
            var (logits, seed, temperature, topK, topP) = t;
            var options = new SamplingOptions { Temperature = temperature, TopK = topK, TopP = topP, RepetitionPenalty = 1.3 };
            var first = new TokenSampler(logits.Length, options, seed);
            var second = new TokenSampler(logits.Length, options, seed);
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(first.Sample(logits), second.Sample(logits));
            }
        }, iter: 200);
    }

    [Fact]
    public void Sample_DifferentSeeds_DifferentStreams()
    {
        float[] flat = [0, 0, 0, 0, 0, 0, 0, 0];
        var a = new TokenSampler(flat.Length, SamplingOptions.Default, seed: 1);
        var b = new TokenSampler(flat.Length, SamplingOptions.Default, seed: 2);
        var sameEverywhere = Enumerable.Range(0, 100).All(_ => a.Sample(flat) == b.Sample(flat));
        Assert.False(sameEverywhere);
    }

    [Fact]
    public void Reset_RestartsTheRandomSource()
    {
        var sampler = new TokenSampler(Skewed.Length, SamplingOptions.Default, seed: 7);
        var first = Enumerable.Range(0, 100).Select(_ => sampler.Sample(Skewed)).ToArray();
        sampler.Reset();
        var again = Enumerable.Range(0, 100).Select(_ => sampler.Sample(Skewed)).ToArray();
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(0.01)]
    public void Sample_TemperatureNearZero_PicksTheArgmax(double temperature)
    {
        float[] logits = [1.0f, 3.0f, 2.5f, -1f, 2.9f];
        var counts = Histogram(new SamplingOptions { Temperature = temperature }, logits, seed: 3);
        Assert.Equal(Draws, counts[1]);
    }

    [Fact]
    public void Sample_TopKOne_PicksTheArgmaxAtAnyTemperature()
    {
        float[] logits = [1.0f, 3.0f, 2.5f, -1f, 2.9f];
        var counts = Histogram(new SamplingOptions { Temperature = 5, TopK = 1 }, logits, seed: 3);
        Assert.Equal(Draws, counts[1]);
    }

    [Fact]
    public void Sample_TopK_OnlyTheKMostLikely()
    {
        float[] logits = [0.1f, 0.4f, 0.3f, 0.2f, 0.35f, 0.0f];
        var counts = Histogram(new SamplingOptions { TopK = 3 }, logits, seed: 11);
        Assert.All(new[] { 1, 2, 4 }, id => Assert.True(counts[id] > Draws / 5, $"token {id} drawn {counts[id]} times"));
        Assert.Equal(0, counts[0] + counts[3] + counts[5]);
    }

    [Fact]
    public void Sample_TemperatureOne_FollowsTheSoftmax()
    {
        var counts = Histogram(SamplingOptions.Default, Skewed, seed: 5);
        AssertFrequencies([0.5, 0.3, 0.15, 0.05], counts);
    }

    [Fact]
    public void Sample_TopP_ExcludesTheTailAndRenormalizes()
    {
        // 0.5 + 0.3 = 0.8 reaches top-p 0.8: tokens 2 and 3 are the tail.
        var counts = Histogram(new SamplingOptions { TopP = 0.8 }, Skewed, seed: 5);
        Assert.Equal(0, counts[2] + counts[3]);
        AssertFrequencies([0.625, 0.375, 0, 0], counts);
    }

    [Fact]
    public void Sample_TopPJustAboveAPrefix_KeepsTheNextToken()
    {
        var counts = Histogram(new SamplingOptions { TopP = 0.81 }, Skewed, seed: 5);
        Assert.True(counts[2] > 0);
        Assert.Equal(0, counts[3]);
    }

    [Fact]
    public void Sample_HighTemperature_FlattensTheDistribution()
    {
        var counts = Histogram(new SamplingOptions { Temperature = 1000 }, Skewed, seed: 9);
        AssertFrequencies([0.25, 0.25, 0.25, 0.25], counts);
    }

    [Fact]
    public void Sample_MaskedTokens_NeverAppear()
    {
        // The two most likely tokens are masked.
        float[] logits = [5f, 0f, 6f, 0.5f, -2f, 1f];
        bool[] allowed = [false, true, false, true, true, true];
        var sampler = new TokenSampler(logits.Length, new SamplingOptions { Temperature = 2 }, seed: 1);
        var counts = new int[logits.Length];
        for (var i = 0; i < Draws; i++)
        {
            counts[sampler.Sample(logits, allowed)]++;
        }

        Assert.Equal(0, counts[0] + counts[2]);
        Assert.All(new[] { 1, 3, 4, 5 }, id => Assert.True(counts[id] > 0));
    }

    [Fact]
    public void Sample_AnyLogitsMaskAndOptions_NeverReturnsAMaskedToken()
    {
        var gen = Gen.Int[1, 30].SelectMany(n => Gen.Select(
            Gen.Float.Array[n],
            Gen.Bool.Array[n],
            Gen.Int[0, n - 1],
            Gen.Select(Gen.Double[0, 4], Gen.Int[0, n], Gen.Double[0.01, 1.0], Gen.Double[1, 3]),
            Gen.ULong));
        gen.Sample(t =>
        {
            var (logits, allowed, alwaysAllowed, (temperature, topK, topP, penalty), seed) = t;
            allowed[alwaysAllowed] = true;
            var options = new SamplingOptions { Temperature = temperature, TopK = topK, TopP = topP, RepetitionPenalty = penalty };
            var sampler = new TokenSampler(logits.Length, options, seed);
            for (var i = 0; i < 50; i++)
            {
                var token = sampler.Sample(logits, allowed);
                Assert.True(allowed[token], $"token {token} is masked");
            }
        }, iter: 300);
    }

    [Fact]
    public void Sample_WithGrammar_UsesItsMask()
    {
        float[] logits = [3f, 0f, 3f, 0f];
        var grammar = new ParityGrammar();
        grammar.Accept(0); // now only odd tokens
        var sampler = new TokenSampler(logits.Length, SamplingOptions.Default, seed: 1);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(1, sampler.Sample(logits, grammar) % 2);
        }
    }

    [Fact]
    public void Sample_NothingAllowed_ThrowsNamingTheGrammar()
    {
        var sampler = new TokenSampler(3, SamplingOptions.Default, seed: 1);
        var e = Assert.Throws<InvalidOperationException>(() => sampler.Sample([1f, 2f, 3f], [false, false, false]));
        Assert.Contains("grammar", e.Message);
    }

    [Fact]
    public void Sample_WrongLength_Throws()
    {
        var sampler = new TokenSampler(3, SamplingOptions.Default, seed: 1);
        Assert.Throws<ArgumentException>(() => sampler.Sample([1f, 2f]));
    }

    [Fact]
    public void Sample_NaNLogit_NeverChosen()
    {
        float[] logits = [float.NaN, 0f, float.NaN, 0f];
        var counts = Histogram(SamplingOptions.Default, logits, seed: 2);
        Assert.Equal(0, counts[0] + counts[2]);
    }

    [Fact]
    public void Sample_AllowedTokensAllNegativeInfinity_UniformAmongAllowed()
    {
        float[] logits = [float.NegativeInfinity, float.NegativeInfinity, 4f, float.NegativeInfinity];
        bool[] allowed = [true, true, false, true];
        var sampler = new TokenSampler(logits.Length, SamplingOptions.Default, seed: 4);
        var counts = new int[logits.Length];
        for (var i = 0; i < Draws; i++)
        {
            counts[sampler.Sample(logits, allowed)]++;
        }

        AssertFrequencies([1 / 3.0, 1 / 3.0, 0, 1 / 3.0], counts);
    }

    [Fact]
    public void Sample_RepetitionPenalty_DemotesRecentTokens()
    {
        float[] logits = [2.0f, 1.9f, -1f];
        var options = new SamplingOptions { Temperature = 0, RepetitionPenalty = 1.5, RepetitionWindow = 4 };
        var sampler = new TokenSampler(logits.Length, options, seed: 1);
        Assert.Equal(0, sampler.Sample(logits)); // nothing recent yet
        Assert.Equal(1, sampler.Sample(logits)); // 0 is recent: 2.0 / 1.5 < 1.9
        Assert.Equal(0, sampler.Sample(logits)); // both recent: 1.33 vs 1.27
    }

    [Fact]
    public void Sample_RepetitionPenalty_NegativeLogitsMultiplied()
    {
        float[] logits = [-1.0f, -1.2f];
        var options = new SamplingOptions { Temperature = 0, RepetitionPenalty = 1.5 };
        var sampler = new TokenSampler(logits.Length, options, seed: 1);
        sampler.Remember(0);
        sampler.Remember(0); // counted once: -1.5, not -2.25
        Assert.Equal(1, sampler.Sample(logits));
    }

    [Fact]
    public void Sample_RepetitionPenalty_ForgetsTokensOutsideTheWindow()
    {
        float[] logits = [2.0f, 1.9f, 0f, 0f, 0f];
        var options = new SamplingOptions { Temperature = 0, RepetitionPenalty = 2, RepetitionWindow = 2 };
        var sampler = new TokenSampler(logits.Length, options, seed: 1);
        sampler.Remember(0);
        sampler.Remember(3);
        sampler.Remember(4); // 0 has left the window of 2
        Assert.Equal(0, sampler.Sample(logits));
    }

    [Fact]
    public void Options_ReplacedBetweenDraws_TakesEffect()
    {
        float[] logits = [1f, 2f, 1.5f];
        var sampler = new TokenSampler(logits.Length, new SamplingOptions { Temperature = 0 }, seed: 1);
        Assert.Equal(1, sampler.Sample(logits));
        sampler.Options = sampler.Options with { Temperature = 1, TopK = 2 };
        var seen = new HashSet<int>();
        for (var i = 0; i < 1000; i++)
        {
            seen.Add(sampler.Sample(logits));
        }

        Assert.Equal([1, 2], seen.Order());
    }

    [Fact]
    public void Sample_AfterConstruction_AllocatesNothing()
    {
        var logits = Enumerable.Range(0, 300).Select(i => MathF.Sin(i)).ToArray();
        var allowed = Enumerable.Range(0, 300).Select(i => i % 3 != 0).ToArray();
        var options = new SamplingOptions { Temperature = 0.9, TopK = 40, TopP = 0.95, RepetitionPenalty = 1.2 };
        var sampler = new TokenSampler(logits.Length, options, seed: 1);
        var grammar = new ParityGrammar();
        sampler.Sample(logits, allowed);
        sampler.Sample(logits, grammar);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            sampler.Sample(logits, allowed);
            sampler.Sample(logits, grammar);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static int[] Histogram(SamplingOptions options, float[] logits, ulong seed)
    {
        var sampler = new TokenSampler(logits.Length, options, seed);
        var counts = new int[logits.Length];
        for (var i = 0; i < Draws; i++)
        {
            counts[sampler.Sample(logits)]++;
        }

        return counts;
    }

    private static void AssertFrequencies(double[] expected, int[] counts)
    {
        var total = counts.Sum();
        for (var i = 0; i < expected.Length; i++)
        {
            // Five standard deviations of a binomial proportion: fails only when the distribution is wrong.
            var sigma = Math.Sqrt(expected[i] * (1 - expected[i]) / total);
            var observed = counts[i] / (double)total;
            Assert.True(Math.Abs(observed - expected[i]) <= (5 * sigma) + 1e-9, $"token {i}: observed {observed:F4}, expected {expected[i]:F4}");
        }
    }
}
