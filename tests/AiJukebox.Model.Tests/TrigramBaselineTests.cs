namespace AiJukebox.Model.Tests;

public sealed class TrigramBaselineTests
{
    [Fact]
    public void Evaluate_DeterministicPattern_PerplexityNearOne()
    {
        var pattern = Enumerable.Range(0, 300).Select(i => i % 5).ToArray();
        var baseline = new TrigramBaseline([pattern], vocabulary: 10);

        var perplexity = baseline.Evaluate(new WindowSet([pattern], 11, 11), firstTarget: 1);

        Assert.InRange(perplexity, 1.0, 1.2);
    }

    [Fact]
    public void Evaluate_UnseenTokens_StayFiniteThanksToSmoothing()
    {
        var baseline = new TrigramBaseline([[0, 1, 2, 0, 1, 2]], vocabulary: 10);

        var perplexity = baseline.Evaluate(new WindowSet([[7, 8, 9, 7, 8, 9]], 6, 6), firstTarget: 1);

        Assert.True(double.IsFinite(perplexity));
        Assert.True(perplexity > 5);
    }
}
