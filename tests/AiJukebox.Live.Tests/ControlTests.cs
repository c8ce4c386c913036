using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class ControlTests
{
    private static readonly ControlMap Map = new() { TemperatureCc = 20, TempoCc = 21, ModeCc = 22, StartStopCc = 23, PanicCc = 24, MinTempo = 60, MaxTempo = 187 };

    [Fact]
    public void TemperatureControl_MapsOntoTheConfiguredRange()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map });
        rig.Start();
        rig.Play(0xB0, 20, 127);
        rig.RunUntil(0.1);
        Assert.Equal(2.0, rig.Performer.Status.Temperature, 6);

        rig.Play(0xB0, 20, 0);
        rig.RunUntil(0.2);
        Assert.Equal(0.1, rig.Performer.Status.Temperature, 6);
    }

    [Fact]
    public void TempoControl_ChangesTheTempo()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map });
        rig.Start();
        rig.Play(0xB0, 21, 100); // 60 + 100/127 * 127
        rig.RunUntil(0.1);
        Assert.Equal(160, rig.Performer.Status.Bpm);
    }

    [Fact]
    public void StartStopControl_SilencesAndResumes()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map }, durationSteps: 24);
        rig.Start();
        rig.RunUntil(1);
        rig.Play(0xB0, 23, 0);
        rig.RunUntil(1.01);
        var stoppedAt = rig.Sink.NoteOns.Count();
        Assert.Empty(rig.Sink.HangingNotes());
        Assert.False(rig.Performer.Status.Playing);

        rig.RunUntil(3);
        Assert.Equal(stoppedAt, rig.Sink.NoteOns.Count());

        rig.Play(0xB0, 23, 127);
        rig.RunUntil(4);
        Assert.True(rig.Sink.NoteOns.Count() > stoppedAt);
        Assert.Contains(rig.Sink.NoteOns, m => m.Seconds(Rig.Frequency) > 3);
    }

    [Fact]
    public void PanicControl_AllNotesOffAndStops()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map }, durationSteps: 24);
        rig.Start();
        rig.RunUntil(1);
        rig.Play(0xB0, 24, 127);
        rig.RunUntil(2);

        Assert.Empty(rig.Sink.HangingNotes());
        Assert.Contains(rig.Sink.Messages, m => Convert.ToHexString(m.Bytes) == "B07B00");
        Assert.DoesNotContain(rig.Sink.NoteOns, m => m.Seconds(Rig.Frequency) > 1.01);
        Assert.False(rig.Performer.Status.Playing);
    }

    [Fact]
    public void ModeControl_SwitchesToCallResponse_AndTheJukeboxListens()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map });
        rig.Start();
        rig.RunUntil(1);
        rig.Play(0xB0, 22, 64);
        rig.RunUntil(1.01);
        Assert.Equal(PerformanceMode.CallResponse, rig.Performer.Status.Mode);
        var before = rig.Sink.NoteOns.Count();
        rig.RunUntil(3);
        Assert.Equal(before, rig.Sink.NoteOns.Count());
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public void MappedControls_AreNotRecordedOrEchoed()
    {
        using var rig = new Rig(new LiveOptions { Controls = Map, Thru = true, RecordPath = "take.mid" });
        rig.Start();
        rig.Play(0xB0, 20, 64);
        rig.RunUntil(0.5);
        rig.Performer.Stop();

        Assert.DoesNotContain(rig.Sink.Messages, m => m.Kind == 0xB0 && m.Bytes[1] == 20);
        Assert.Empty(rig.Saves.Last!.Tracks[0].Notes);
    }
}
