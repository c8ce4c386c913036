using AiJukebox.Music.Sampling;

namespace AiJukebox.Music.Tests.Sampling;

public sealed class TokenGeneratorTests
{
    [Fact]
    public void Generate_FeedsPrimerThenGeneratedTokens()
    {
        var predictor = new FixedPredictor([0f, 1f, 0.5f, 0.2f]);
        var grammar = new ParityGrammar();
        var generator = new TokenGenerator(predictor, grammar, new TokenSampler(4, SamplingOptions.Default, seed: 1));

        var tokens = generator.Generate(6, [2, 3]);

        Assert.Equal(6, tokens.Length);
        Assert.Equal([2, 3, .. tokens], predictor.Fed);
        Assert.Equal([2, 3, .. tokens], grammar.Accepted);
    }

    [Fact]
    public void Generate_FollowsTheGrammarState()
    {
        // The model strongly prefers token 1, but the grammar alternates parity.
        var predictor = new FixedPredictor([0f, 10f, 0f, 0f]);
        var generator = new TokenGenerator(predictor, new ParityGrammar(), new TokenSampler(4, SamplingOptions.Default, seed: 5));

        var tokens = generator.Generate(200);

        for (var i = 0; i < tokens.Length; i++)
        {
            Assert.Equal(i % 2, tokens[i] % 2);
        }

        Assert.All(tokens.Where((_, i) => i % 2 == 1), t => Assert.Equal(1, t));
    }

    [Fact]
    public void Generate_SameSeed_SameTokens()
    {
        static int[] Run()
        {
            var generator = new TokenGenerator(new FixedPredictor([0.3f, 0.1f, 0.5f, 0.4f, 0.2f, 0.0f]), new ParityGrammar(), new TokenSampler(6, SamplingOptions.Default, seed: 42));
            return generator.Generate(500, [0]);
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Reset_ClearsPredictorGrammarAndRandomSource()
    {
        var predictor = new FixedPredictor([0.3f, 0.1f, 0.5f, 0.4f]);
        var grammar = new ParityGrammar();
        var generator = new TokenGenerator(predictor, grammar, new TokenSampler(4, SamplingOptions.Default, seed: 9));
        var first = generator.Generate(50, [2]);

        generator.Reset();

        Assert.Equal(1, predictor.Resets);
        Assert.Empty(grammar.Accepted);
        Assert.Equal(first, generator.Generate(50, [2]));
    }

    [Fact]
    public void Constructor_VocabularyMismatch_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new TokenGenerator(new FixedPredictor(new float[5]), new ParityGrammar(), new TokenSampler(4, SamplingOptions.Default, seed: 1)));
        Assert.Contains("5", e.Message);
        Assert.Contains("4", e.Message);
    }
}
