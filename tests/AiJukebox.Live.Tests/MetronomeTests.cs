using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class MetronomeTests
{
    private const int TicksPerBeat = 480; // the take's grid

    [Theory]
    [InlineData(90)]
    [InlineData(150)]
    public void Metronome_AClickOnEveryBeat_AnAccentOnEveryDownbeat_AtTheSinkAndInTheTake(double bpm)
    {
        var options = new LiveOptions { Tempo = bpm, Metronome = true, RecordPath = "take.mid" };
        using var rig = new Rig(options);
        rig.Start();
        const int beats = 16;
        var secondsPerBeat = 60 / bpm;
        rig.RunUntil((beats - 0.5) * secondsPerBeat);
        rig.Performer.Stop();

        var clicks = rig.Sink.NoteOns.Where(m => m.Channel == Metronome.Channel).ToList();
        Assert.Equal(beats, clicks.Count);
        for (var beat = 0; beat < beats; beat++)
        {
            var click = clicks[beat];
            Assert.InRange(Math.Abs(click.Seconds(Rig.Frequency) - (beat * secondsPerBeat)), 0, 1e-6);
            Assert.Equal(beat % 4 == 0 ? Metronome.DownbeatNote : Metronome.BeatNote, click.Pitch);
            Assert.Equal(beat % 4 == 0 ? Metronome.DownbeatVelocity : Metronome.BeatVelocity, click.Bytes[2]);
        }

        Assert.Empty(rig.Sink.HangingNotes());
        var track = rig.Saves.Last!.Tracks.Single(t => t.Name == Metronome.TrackName);
        Assert.Equal(Metronome.Channel, track.Channel);
        Assert.Equal(beats, track.Notes.Count);
        Assert.All(track.Notes.Select((n, i) => (n, i)), x =>
        {
            Assert.InRange(Math.Abs((x.n.Start * TicksPerBeat) - (x.i * TicksPerBeat)), 0, 1);
            Assert.Equal(x.i % 4 == 0 ? Metronome.DownbeatNote : Metronome.BeatNote, x.n.Pitch);
        });
        // The jukebox's own track holds only its notes.
        Assert.DoesNotContain(rig.Saves.Last!.Tracks.Single(t => t.Name == "AI Jukebox").Notes, n => n.Pitch is Metronome.DownbeatNote or Metronome.BeatNote);
    }

    [Fact]
    public void Metronome_ThreeFour_AccentEveryThirdBeat()
    {
        using var rig = new Rig(new LiveOptions { Metronome = true, Meter = BarMeter.Parse("3/4") });
        rig.Start();
        rig.RunUntil(2.9); // 120 BPM: beats 0-5

        var pitches = rig.Sink.NoteOns.Where(m => m.Channel == Metronome.Channel).Select(m => m.Pitch).ToList();
        Assert.Equal([76, 77, 77, 76, 77, 77], pitches);
    }

    [Fact]
    public void CountIn_ClicksForTheBars_ThenTheJukeboxStarts()
    {
        using var rig = new Rig(new LiveOptions { CountInBars = 2 });
        rig.Start();
        rig.RunUntil(8); // 16 beats at 120 BPM

        var clicks = rig.Sink.NoteOns.Where(m => m.Channel == Metronome.Channel).ToList();
        var notes = rig.Sink.NoteOns.Where(m => m.Channel == 0).ToList();
        Assert.Equal(8, clicks.Count); // two bars of 4/4, then the metronome is off
        Assert.All(clicks, c => Assert.True(c.Seconds(Rig.Frequency) < 4));
        Assert.NotEmpty(notes);
        Assert.Equal(4.0, notes[0].Seconds(Rig.Frequency), 6); // beat 8, the end of the count-in
    }

    [Fact]
    public void Metronome_OnAndOffWhilePlaying_ByControlChangeAndCall()
    {
        using var rig = new Rig(new LiveOptions());
        rig.Start();
        rig.RunUntil(1.9);
        Assert.DoesNotContain(rig.Sink.NoteOns, m => m.Channel == Metronome.Channel);

        rig.Play(0xB0, 20, 127); // control 20 on
        rig.RunUntil(3.9); // beats 4..7 click
        Assert.True(rig.Performer.Status.Metronome);
        var on = rig.Sink.NoteOns.Count(m => m.Channel == Metronome.Channel);
        Assert.Equal(4, on);

        rig.Performer.SetMetronome(null); // toggled off
        rig.RunUntil(5.9);
        Assert.False(rig.Performer.Status.Metronome);
        Assert.Equal(on, rig.Sink.NoteOns.Count(m => m.Channel == Metronome.Channel));
        Assert.DoesNotContain(rig.Sink.HangingNotes(), n => n.Channel == Metronome.Channel);
    }

    [Fact]
    public void RecordMetronomeOff_TheTakeLeavesTheClickOut()
    {
        using var rig = new Rig(new LiveOptions { Metronome = true, RecordMetronome = false, RecordPath = "take.mid" });
        rig.Start();
        rig.RunUntil(2);
        rig.Performer.Stop();

        Assert.Contains(rig.Sink.NoteOns, m => m.Channel == Metronome.Channel);
        Assert.DoesNotContain(rig.Saves.Last!.Tracks, t => t.Name == Metronome.TrackName);
    }

    [Fact]
    public void Panic_EndsASoundingClick()
    {
        using var rig = new Rig(new LiveOptions { Metronome = true });
        rig.Start();
        rig.RunUntil(0.01); // the first click sounds (an eighth of a beat: 62.5 ms)
        Assert.Contains(rig.Sink.NoteOns, m => m.Channel == Metronome.Channel);
        rig.Performer.Panic();
        rig.RunUntil(0.6); // past the second click (beat 1, 0.5 s): the metronome goes on

        Assert.DoesNotContain(rig.Sink.HangingNotes(), n => n.Channel == Metronome.Channel);
        Assert.Equal(2, rig.Sink.NoteOns.Count(m => m.Channel == Metronome.Channel));
        Assert.Contains(rig.Sink.Messages, m => m.Bytes is [0xB9, 123, 0]);
    }

    [Fact]
    public void Metronome_OnASecondPort_TheClicksGoThere_TheMusicStaysOnItsOwn_OnAndOffWhilePlaying()
    {
        using var rig = new Rig(new LiveOptions { Metronome = true, RecordPath = "take.mid" }, clickPort: true);
        rig.Start();
        rig.RunUntil(1.9); // beats 0-3
        rig.Play(0xB0, 20, 0); // off
        rig.RunUntil(2.9);
        rig.Performer.SetMetronome(true); // on again from beat 6
        rig.RunUntil(3.9);
        rig.Performer.Stop();

        var port = rig.ClickSink!;
        var clicks = port.NoteOns.ToList();
        Assert.Equal([76, 77, 77, 77, 77, 77], clicks.Select(c => c.Pitch)); // beats 0-3 and 6-7
        Assert.All(clicks, c => Assert.Equal(Metronome.Channel, c.Channel));
        Assert.Equal([0, 1, 2, 3, 6, 7], clicks.Select(c => (int)Math.Round(Rig.BeatAt120(c.Ticks))));
        Assert.All(port.Messages, m => Assert.Equal(Metronome.Channel, m.Bytes[0] & 0x0F));
        Assert.Equal([0xB9, 123, 0], port.Messages[^1].Bytes); // the stop silences that port too
        Assert.Empty(port.HangingNotes());
        Assert.NotEmpty(rig.Sink.NoteOns);
        Assert.DoesNotContain(rig.Sink.Messages, m => (m.Bytes[0] & 0x0F) == Metronome.Channel);
        Assert.Equal(clicks.Count, rig.Saves.Last!.Tracks.Single(t => t.Name == Metronome.TrackName).Notes.Count);
    }
}
