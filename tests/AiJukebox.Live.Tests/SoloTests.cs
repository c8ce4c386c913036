using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class SoloTests
{
    [Fact]
    public void Solo_PlaysTheModelsNotesOnTheBeatGrid()
    {
        // Eighth notes (6 steps) at 120 BPM = every 0.25 s, starting after the 0.125-beat lead.
        using var rig = new Rig(new LiveOptions { Tempo = 120, Program = 5 });
        rig.Start();
        rig.RunUntil(2.0);

        Assert.Equal("C005", Convert.ToHexString(rig.Sink.Messages[0].Bytes));
        var ons = rig.Sink.NoteOns.ToList();
        Assert.Equal(8, ons.Count);
        for (var i = 0; i < ons.Count; i++)
        {
            Assert.Equal(62_500 + (i * 250_000), ons[i].Ticks);
            Assert.Equal(new[] { 60, 62, 64, 65 }[i % 4], ons[i].Pitch);
            Assert.Equal(96, ons[i].Bytes[2]);
        }
    }

    [Fact]
    public void Solo_EachNoteEndsAfterItsDuration()
    {
        using var rig = new Rig(new LiveOptions { Tempo = 60 }, durationSteps: 3); // quarter of a beat
        rig.Start();
        rig.RunUntil(3.0);

        var messages = rig.Sink.Messages.Where(m => m.IsNoteOn || m.IsNoteOff).ToList();
        for (var i = 0; i + 1 < messages.Count; i += 2)
        {
            Assert.True(messages[i].IsNoteOn);
            Assert.True(messages[i + 1].IsNoteOff);
            Assert.Equal(messages[i].Pitch, messages[i + 1].Pitch);
            Assert.Equal(250_000, messages[i + 1].Ticks - messages[i].Ticks);
        }
    }

    [Fact]
    public void Solo_ComposesNoFurtherAheadThanTheHorizon()
    {
        using var rig = new Rig(new LiveOptions { Tempo = 120, HorizonBeats = 1 });
        rig.Start();
        for (var t = 0.1; t < 3; t += 0.1)
        {
            rig.RunUntil(t);
            // One note (half a beat) may complete past the horizon.
            Assert.InRange(rig.Performer.Status.HeadroomBeats, 0.4, 1.5);
        }
    }

    [Fact]
    public void Solo_FeedsThePrimerBeforeGenerating()
    {
        var tokenizer = new FakeEventsTokenizer();
        int[] primer = [tokenizer.Id("BOS"), tokenizer.Id("Pitch_70"), tokenizer.Id("Velocity_64"), tokenizer.Id("Duration_6")];
        using var rig = new Rig(primer: primer);
        rig.Start();
        rig.RunUntil(0.5);

        Assert.Equal(["BOS", "Pitch_70", "Velocity_64", "Duration_6"], rig.Predictor.FedTexts.Take(4));
        Assert.DoesNotContain(rig.Sink.NoteOns, m => m.Pitch == 70); // the primer is context, not music
    }

    [Fact]
    public void Output_TransposeRangeVelocityAndChannelApplied()
    {
        var options = new LiveOptions { Channel = 9, Transpose = 12, LowestNote = 60, HighestNote = 75, VelocityScale = 0.5 };
        using var rig = new Rig(options, pitches: [60, 64]); // 72 fits; 76 folds down to 64
        rig.Start();
        rig.RunUntil(1.0);

        var ons = rig.Sink.NoteOns.ToList();
        Assert.Equal([72, 64, 72, 64], ons.Select(m => m.Pitch));
        Assert.All(ons, m => Assert.Equal(9, m.Channel));
        Assert.All(ons, m => Assert.Equal(48, m.Bytes[2]));
    }

    [Fact]
    public void SetTempo_WhilePlaying_QueuedNotesFollowTheNewTempo()
    {
        using var rig = new Rig(new LiveOptions { Tempo = 120 });
        rig.Start();
        rig.RunUntil(1.0); // beat 2
        rig.Performer.SetTempo(60);
        rig.RunUntil(4.0);

        var ons = rig.Sink.NoteOns.Select(m => m.Ticks).ToList();
        var after = ons.Where(t => t > 1_000_000).ToList();
        Assert.All(after.Zip(after.Skip(1)), pair => Assert.Equal(500_000, pair.Second - pair.First));
        Assert.Equal(60, rig.Performer.Status.Bpm);
    }

    [Fact]
    public void SetTemperature_ReachesTheSampler()
    {
        using var rig = new Rig();
        rig.Start();
        rig.Performer.SetTemperature(1.4);
        rig.RunUntil(0.1);
        Assert.Equal(1.4, rig.Performer.Status.Temperature);
    }

    [Fact]
    public void Generator_NeverEmitsStreamControlTokens()
    {
        // A model that wants to end the piece: the live grammar masks EOS.
        using var rig = new Rig();
        rig.Predictor.WantsToEnd = true;
        rig.Start();
        rig.RunUntil(2.0);
        Assert.DoesNotContain("EOS", rig.Predictor.FedTexts);
        Assert.NotEmpty(rig.Sink.NoteOns);
    }

    [Fact]
    public void Output_SamePitchTwiceAtOnce_PlayedOnce()
    {
        // 60 and 72 fold onto the same key in a one-octave range; the chord's two notes start together.
        var options = new LiveOptions { LowestNote = 60, HighestNote = 71 };
        using var rig = new Rig(options, pitches: [60, 72], shiftSteps: 0);
        rig.Predictor.ShiftEvery = 2;
        rig.Start();
        rig.RunUntil(1.0);

        var ons = rig.Sink.NoteOns.ToList();
        Assert.NotEmpty(ons);
        Assert.All(ons.GroupBy(m => m.Ticks), g => Assert.Single(g));
        rig.Performer.Stop();
        Assert.Empty(rig.Sink.HangingNotes());
    }
}
