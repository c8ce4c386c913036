using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;
using AiJukebox.Music.Realtime;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live.Tests;

public sealed class LookaheadGeneratorTests
{
    [Fact]
    public void AFullRing_DropsWholeNotesAndNeverANoteOff()
    {
        // A ring of 8 that nobody reads yet, and 12 overlapping notes: it cannot hold them all.
        var tokenizer = new FakeEventsTokenizer();
        var ring = new SpscRing<ScheduledMessage>(8);
        var tokens = new TokenGenerator(new ScriptedPredictor(tokenizer, [60]), tokenizer.CreateGrammar(), new TokenSampler(tokenizer.Vocabulary.Count, SamplingOptions.Default, seed: 1));
        var generator = new LookaheadGenerator(tokens, tokenizer.CreateDecoder(), new OutputMapping(new LiveOptions()), ring);
        for (var i = 0; i < 12; i++)
        {
            generator.QueueAt(new Note(i * 0.25, 4, 60 + i, 90));
        }

        // The clock thread drains the ring while the generator releases what is still due.
        var sent = new List<ScheduledMessage>();
        for (var round = 0; round < 10; round++)
        {
            while (ring.TryRead(out var message))
            {
                sent.Add(message);
            }

            generator.ReleaseThrough(double.PositiveInfinity);
        }

        var ons = sent.Where(m => (m.Status & 0xF0) == 0x90).Select(m => m.Data1).ToList();
        var offs = sent.Where(m => (m.Status & 0xF0) == 0x80).Select(m => m.Data1).ToList();
        Assert.Equal(8, ons.Count);
        Assert.Equal(4, generator.NotesDropped);
        Assert.Equal(8, generator.NotesQueued);
        Assert.Equal(ons.Order(), offs.Order());
        Assert.Equal(sent.Select(m => m.Beat).Order(), sent.Select(m => m.Beat));
    }
}
