using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live.Tests;

public sealed class StartupTests
{
    [Fact]
    public void Start_SlowFirstCompose_DoesNotMakeTheFirstNotesLate()
    {
        var tokenizer = new FakeEventsTokenizer();
        var clock = new ManualClock(Rig.Frequency);
        var sink = new RecordingSink(clock);
        var model = new SlowPredictor(new ScriptedPredictor(tokenizer, [60, 62, 64, 65]), clock, ticksPerFeed: 20_000);
        var options = new LiveOptions { Tempo = 120, Sampling = SamplingOptions.Default with { Temperature = 0 } };
        using var performer = new Performer(options, tokenizer, model, clock, sink);

        performer.StartCore();
        var anchored = clock.Now;
        model.Slow = false;
        var end = clock.Now + (2 * Rig.Frequency);
        while (clock.Now < end)
        {
            var next = performer.Step();
            clock.Set(Math.Min(end, Math.Max(clock.Now + 1, Math.Min(next, clock.Now + 1000))));
        }

        // The first horizon took a while to compose (20 ms a token) ...
        Assert.True(anchored >= 100_000, $"composing took only {anchored} µs; the test needs a slow start");
        // ... and beat 0 was anchored after it, so nothing was sent late.
        Assert.NotEmpty(sink.NoteOns);
        Assert.Equal(anchored + 62_500, sink.NoteOns.First().Ticks);
        Assert.Equal(0, performer.Lateness.MaxMilliseconds);
    }

    /// <summary>A model whose every step moves the clock on while <see cref="Slow"/> is set.</summary>
    private sealed class SlowPredictor(ITokenPredictor inner, ManualClock clock, long ticksPerFeed) : ITokenPredictor
    {
        public bool Slow { get; set; } = true;

        public int VocabularySize => inner.VocabularySize;

        public void Reset() => inner.Reset();

        public void Feed(int token)
        {
            if (Slow)
            {
                clock.Advance(ticksPerFeed);
            }

            inner.Feed(token);
        }

        public void Predict(Span<float> logits) => inner.Predict(logits);

        public void Dispose() => inner.Dispose();
    }
}
