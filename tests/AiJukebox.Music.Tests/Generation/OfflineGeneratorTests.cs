using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Sampling;
using AiJukebox.Music.Tests.Sampling;

namespace AiJukebox.Music.Tests.Generation;

public sealed class OfflineGeneratorTests
{
    private static readonly EventsTokenizer Events = new();

    private static FixedPredictor Uniform() => new(new float[Events.Vocabulary.Count]);

    private static GenerationRequest Request(ulong seed, int? tokens = 2000, double? beats = null) =>
        new(Primers.Empty(Events), SamplingOptions.Default, seed, tokens, beats);

    [Fact]
    public void Generate_SameSeed_SameTokens()
    {
        var first = OfflineGenerator.Generate(Uniform(), Events, Request(7));
        var second = OfflineGenerator.Generate(Uniform(), Events, Request(7));
        var other = OfflineGenerator.Generate(Uniform(), Events, Request(8));

        Assert.Equal(first.Tokens, second.Tokens);
        Assert.NotEqual(first.Tokens, other.Tokens);
    }

    [Fact]
    public void Generate_UniformModel_NoControlTokensAndWellFormedNotes()
    {
        var result = OfflineGenerator.Generate(Uniform(), Events, Request(3, tokens: 6000));

        Assert.Equal(6000, result.Tokens.Length);
        Assert.DoesNotContain(result.Tokens, t => t is EventsTokenizer.Pad or EventsTokenizer.Bos or EventsTokenizer.Eos);
        Assert.InRange(result.Notes.Count, 1, result.Tokens.Count(t => t >= EventsTokenizer.DurationBase));
        Assert.Equal(result.Notes.Count, result.Notes.DistinctBy(n => (n.Start, n.Pitch)).Count());
        Assert.All(result.Notes, n =>
        {
            Assert.InRange(n.Pitch, EventsTokenizer.LowestPitch, EventsTokenizer.HighestPitch);
            Assert.InRange(n.Velocity, 1, 127);
            Assert.True(n.Duration > 0);
            Assert.True(n.Start >= 0);
        });
        Assert.Equal(result.Notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch), result.Notes);
        Assert.Equal(6000, result.StepTicks.Length);
    }

    [Fact]
    public void Generate_MaxBeats_StopsAtThatBeat()
    {
        var result = OfflineGenerator.Generate(Uniform(), Events, Request(5, tokens: null, beats: 16));

        Assert.NotEmpty(result.Notes);
        Assert.All(result.Notes, n => Assert.True(n.Start < 16));
        Assert.True(result.LengthBeats >= 16);
    }

    [Fact]
    public void Generate_Primer_IsFedButNotPartOfTheResult()
    {
        var primerNotes = new[] { new Note(0, 1, 60, 80), new Note(1, 1, 64, 80), new Note(2, 1, 67, 80) };
        var primer = ControlTokens.ForContext(Events.Encode(primerNotes), Events.Vocabulary, keepBegin: true);
        var predictor = Uniform();

        var result = OfflineGenerator.Generate(predictor, Events, Request(1, tokens: 30) with { Primer = primer });

        Assert.Equal(primer, predictor.Fed.Take(primer.Length));
        Assert.Equal(primer.Length + 30, predictor.Fed.Count);
        Assert.Equal(30, result.Tokens.Length);
        Assert.All(result.Notes, n => Assert.True(n.Start >= 0));
    }

    [Fact]
    public void Generate_ModelForAnotherVocabulary_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            OfflineGenerator.Generate(new FixedPredictor(new float[10]), Events, Request(1)));

        Assert.Contains("notes file", error.Message);
    }

    [Fact]
    public void Generate_NoLimit_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => OfflineGenerator.Generate(Uniform(), Events, Request(1, tokens: null)));
    }
}
