using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class StopAndPanicTests
{
    [Fact]
    public void Stop_WhileNotesSound_EndsThemThenAllNotesOff()
    {
        using var rig = new Rig(new LiveOptions { Thru = true, Channel = 3 }, durationSteps: 24); // notes of two beats overlap
        rig.Start();
        rig.Play(0x95, 50, 100); // the player holds a key, echoed
        rig.RunUntil(1.3);
        Assert.NotEmpty(rig.Sink.HangingNotes());

        rig.Performer.Stop();

        Assert.Empty(rig.Sink.HangingNotes());
        var tail = rig.Sink.Messages.TakeLast(2).Select(m => Convert.ToHexString(m.Bytes));
        Assert.Equal(["B37B00", "B57B00"], tail);
    }

    [Fact]
    public void Stop_DropsWhatWasComposedAhead()
    {
        using var rig = new Rig(new LiveOptions { HorizonBeats = 4 });
        rig.Start();
        rig.RunUntil(1.0);
        var played = rig.Sink.NoteOns.Count();
        rig.Performer.Stop();
        rig.RunUntil(3.0);
        Assert.Equal(played, rig.Sink.NoteOns.Count());
    }

    [Fact]
    public void Stop_Twice_SilencesOnce()
    {
        using var rig = new Rig();
        rig.Start();
        rig.RunUntil(1);
        rig.Performer.Stop();
        var count = rig.Sink.Messages.Count;
        rig.Performer.Stop();
        Assert.Equal(count, rig.Sink.Messages.Count);
    }

    [Fact]
    public void Dispose_WhenTheCallerThrows_NoHangingNotes()
    {
        var rig = new Rig(durationSteps: 24);
        try
        {
            using (rig)
            {
                rig.Start();
                rig.RunUntil(1.1);
                throw new InvalidOperationException("the app failed");
            }
        }
        catch (InvalidOperationException)
        {
        }

        Assert.NotEmpty(rig.Sink.NoteOns);
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public void ModelFails_OnTheGeneratorThread_FaultReportedAndNotesEnded()
    {
        using var rig = new Rig(durationSteps: 24);
        rig.Predictor.FailAfter = 60;
        rig.Performer.Start(); // real threads; the manual clock jumps on every wait

        Assert.True(SpinWait.SpinUntil(() => rig.Performer.Fault is not null, TimeSpan.FromSeconds(30)));
        rig.Performer.Stop();

        Assert.Equal("model exploded", rig.Performer.Fault!.Message);
        Assert.Equal("model exploded", rig.Performer.Status.Fault);
        Assert.False(rig.Performer.IsRunning);
        Assert.NotEmpty(rig.Sink.NoteOns);
        Assert.Empty(rig.Sink.HangingNotes());
        Assert.Equal("B07B00", Convert.ToHexString(rig.Sink.Messages[^1].Bytes));
    }

    [Fact]
    public void PortFails_OnTheClockThread_FaultReportedAndStopRetriesThePanic()
    {
        using var rig = new Rig(durationSteps: 24);
        rig.Performer.Start();
        Assert.True(SpinWait.SpinUntil(() => rig.Performer.Status.NotesPlayed >= 3, TimeSpan.FromSeconds(30)));
        rig.Sink.FailNext = 2; // the send that fails, and the clock thread's own panic attempt

        Assert.True(SpinWait.SpinUntil(() => rig.Performer.Fault is not null, TimeSpan.FromSeconds(30)));
        rig.Performer.Stop();

        Assert.IsType<IOException>(rig.Performer.Fault);
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public void Threads_RunAndStopCleanly()
    {
        using var rig = new Rig();
        rig.Performer.Start();
        Assert.True(SpinWait.SpinUntil(() => rig.Performer.Status.NotesPlayed >= 10, TimeSpan.FromSeconds(30)));
        Assert.True(rig.Performer.IsRunning);
        rig.Performer.Stop();

        Assert.Null(rig.Performer.Fault);
        Assert.Empty(rig.Sink.HangingNotes());
    }
}
