using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;

namespace AiJukebox.Live.Tests;

/// <summary>The performer with the real events tokenizer and a model that knows nothing (uniform logits).</summary>
public sealed class EventsTokenizerTests
{
    [Fact]
    public void Solo_WithTheEventsTokenizer_PlaysOnlyWellFormedNotes()
    {
        var tokenizer = new EventsTokenizer();
        var clock = new ManualClock(Rig.Frequency);
        var sink = new RecordingSink(clock);
        var saves = new Rig.SavedTakes();
        using var predictor = new UniformPredictor(tokenizer.Vocabulary.Count);
        var options = new LiveOptions { RecordPath = "take.mid", Seed = 3 };
        var performer = new Performer(options, tokenizer, predictor, clock, sink, null, [EventsTokenizer.Bos], saves.Save);
        performer.StartCore();
        while (clock.Now < 5 * Rig.Frequency)
        {
            performer.Step();
            clock.Advance(Rig.Frequency / 1000);
        }

        performer.Stop();

        Assert.True(sink.NoteOns.Count() > 5);
        Assert.Empty(sink.HangingNotes());
        Assert.All(sink.NoteOns, m => Assert.InRange(m.Pitch, 21, 108));
        Assert.Equal(sink.NoteOns.Count(), saves.Last!.Tracks[1].Notes.Count);
    }

    private sealed class UniformPredictor(int size) : ITokenPredictor
    {
        public int VocabularySize => size;

        public void Reset()
        {
        }

        public void Feed(int token)
        {
        }

        public void Predict(Span<float> logits) => logits.Clear();

        public void Dispose()
        {
        }
    }
}
