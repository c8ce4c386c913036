using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;
using AiJukebox.Music.Realtime;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live.Tests;

/// <summary>The performer with the real remi tokenizer and a scripted model that plays a note on every beat of 3/4 bars.</summary>
public sealed class RemiStreamTests
{
    private const long Frequency = 1_000_000;

    [Fact]
    public void Solo_RemiStream_PlaysEveryBeatOnTime_AcrossThreeFourBars()
    {
        using var rig = new RemiRig(PerformanceMode.Solo);
        rig.Performer.StartCore();
        rig.RunUntil(6);

        var ons = rig.Sink.NoteOns.ToList();
        Assert.InRange(ons.Count, 10, 13);
        // One beat (0.5 s at 120 BPM) between all onsets: bars of 3 beats, no gap at the bar lines
        // (4/4 bars would leave a beat's rest after every third note).
        var gaps = ons.Zip(ons.Skip(1), (a, b) => b.Seconds(Frequency) - a.Seconds(Frequency));
        Assert.All(gaps, g => Assert.Equal(0.5, g, 3));
        Assert.Equal([60, 62, 64, 60, 62, 64], ons.Take(6).Select(m => m.Pitch));
        Assert.Equal(["BOS", "Bar", "TimeSig_3/4", "Position_0", "Pitch_60"], rig.Predictor.FedTexts.Take(5));
    }

    [Fact]
    public void Accompany_PlayerNote_JoinsTheStreamAtItsPosition_WithoutMovingTheBeat()
    {
        using var rig = new RemiRig(PerformanceMode.Accompany);
        rig.Performer.StartCore();
        rig.RunUntil(1.1);
        rig.Input.Post(rig.Clock.Now, [0x90, 100, 100]);
        rig.RunUntil(1.6);
        rig.Input.Post(rig.Clock.Now, [0x80, 100, 0]);
        rig.RunUntil(5);

        var fed = rig.Predictor.FedTexts;
        var at = fed.IndexOf("Pitch_100");
        Assert.True(at > 0, "the player's note was not fed");
        Assert.Equal(["Pitch_100", "Velocity_102", "Duration_12"], fed.Skip(at).Take(3));
        // At the stream's position: after a note of its onset, or as the first onset of a bar; never a bar of its own.
        Assert.True(fed[at - 1].StartsWith("Duration_", StringComparison.Ordinal) || (fed[at - 1] == "Position_0" && fed[at - 2] == "Bar"), string.Join(' ', fed.Take(at + 1)));
        Assert.Equal(1, fed.Count(t => t.StartsWith("TimeSig_", StringComparison.Ordinal)));
        var ons = rig.Sink.NoteOns.ToList();
        Assert.DoesNotContain(ons, m => m.Pitch == 100);
        // Every onset on the beat grid the stream began with. The scripted model takes the
        // player's note for its own at the downbeat of bar 2 (beat 6) and goes on from there.
        var beats = ons.Select(m => (m.Seconds(Frequency) - ons[0].Seconds(Frequency)) / 0.5).ToList();
        Assert.All(beats, b => Assert.Equal(Math.Round(b), b, 3));
        Assert.Equal([0, 1, 2, 3, 4, 5, 7, 8], beats.Take(8).Select(b => (int)Math.Round(b)));
    }

    private sealed class RemiRig : IDisposable
    {
        public RemiRig(PerformanceMode mode)
        {
            var options = new LiveOptions { Mode = mode, Sampling = SamplingOptions.Default with { Temperature = 0 } };
            Predictor = new ScriptedRemiPredictor(Tokenizer, [60, 62, 64]);
            Sink = new RecordingSink(Clock);
            Performer = new Performer(options, Tokenizer, Predictor, Clock, Sink, Input, [RemiTokenizer.Bos]);
        }

        public RemiTokenizer Tokenizer { get; } = new();

        public ManualClock Clock { get; } = new(Frequency);

        public MidiInputQueue Input { get; } = new();

        public ScriptedRemiPredictor Predictor { get; }

        public RecordingSink Sink { get; }

        public Performer Performer { get; }

        public void RunUntil(double seconds) => ManualRun.Until(Performer, Clock, seconds);

        public void Dispose() => Performer.Dispose();
    }
}
