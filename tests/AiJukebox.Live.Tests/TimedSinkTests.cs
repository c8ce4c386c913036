using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Live.Tests;

/// <summary>The scheduler with a sink that places messages at their own time (a JACK output), on a manual clock.</summary>
public sealed class TimedSinkTests
{
    private const long Frequency = 1_000_000;
    private static readonly TimeSpan Lookahead = TimeSpan.FromMilliseconds(50);
    private readonly ManualClock _clock = new(Frequency);
    private readonly SpscRing<ScheduledMessage> _outgoing = new(64);
    private readonly SpscRing<LiveEvent> _events = new(256);
    private readonly TimedRecordingSink _sink;

    public TimedSinkTests() => _sink = new TimedRecordingSink(_clock, Lookahead);

    [Fact]
    public void Pump_HandsEachMessageOverALookaheadEarly_StampedWithItsDeadline()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(0, 60);
        Queue(1, 62);
        Queue(2.5, 64);

        // The first wake-up asked for is the hand-over time of the next message, not its deadline.
        Assert.Equal(450_000L, scheduler.Pump());
        RunUntil(scheduler, 2.0);

        Assert.True(scheduler.HandsAhead);
        Assert.Equal([0L, 500_000L, 1_250_000L], _sink.Scheduled.Select(m => m.Due));
        Assert.Equal([0L, 450_000L, 1_200_000L], _sink.Scheduled.Select(m => m.HandedAt));
        Assert.Equal([60, 62, 64], _sink.Scheduled.Select(m => (int)m.Bytes[1]));
        Assert.Empty(_sink.Immediate);
        Assert.Equal(0, scheduler.Lateness.MaxMilliseconds);
    }

    [Fact]
    public void Pump_ZeroLookahead_KeepsTimeItselfAndSendsNow()
    {
        var sink = new TimedRecordingSink(_clock, TimeSpan.Zero);
        var scheduler = new Scheduler(_clock, sink, null, _outgoing, _events, new LiveOptions { Tempo = 120 });
        scheduler.Start();
        Queue(1, 62);
        RunUntil(scheduler, 1.0);

        Assert.False(scheduler.HandsAhead);
        Assert.Empty(sink.Scheduled);
        Assert.Equal([500_000L], sink.Immediate.Select(m => m.Ticks));
    }

    [Fact]
    public void Pump_ClicksAndNotesInterleaved_HandedOverInTimeOrder()
    {
        var click = new ClickTrack(4, 0, on: true);
        var scheduler = new Scheduler(_clock, _sink, null, _outgoing, _events, new LiveOptions { Tempo = 120 }, click);
        scheduler.Start();
        Queue(0.98, 60); // 10 ms before the click of beat 1
        Queue(1.02, 62); // 10 ms after it
        RunUntil(scheduler, 1.0);

        var dues = _sink.Scheduled.Select(m => m.Due).ToList();
        Assert.Equal(dues.Order(), dues);
        Assert.Contains(_sink.Scheduled, m => m.Due == 500_000L && (m.Bytes[0] & 0x0F) == Metronome.Channel);
    }

    [Fact]
    public void Panic_CancelsWhatTheSinkHolds_AndNothingIsLeftSounding()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(0.5, 60);
        Queue(0.55, 60, on: false);
        Queue(0.6, 62);
        Queue(0.7, 62, on: false);
        RunUntil(scheduler, 0.26); // both note-ons and the first note's off handed over, not the second's (due 0.35 s)

        scheduler.RequestPanic();
        scheduler.Pump();

        Assert.Equal(1, _sink.Cancels);
        var heard = _sink.Heard();
        Assert.DoesNotContain(heard, m => m.IsNoteOn && m.Ticks > 260_000);
        Assert.Empty(RecordingSink.HangingNotes(heard));
    }

    [Fact]
    public void Pump_SinkFull_TriesAgainAndLosesNothing()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(1, 60);
        _sink.RefuseNext = 3;
        RunUntil(scheduler, 1.0);

        Assert.Equal([500_000L], _sink.Scheduled.Select(m => m.Due));
    }

    [Fact]
    public void RequestTempo_MovesOnlyWhatWasNotHandedOver()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(1, 60);   // due 0.5 s, handed over at 0.45 s
        Queue(1.2, 62); // due 0.6 s at 120 BPM
        RunUntil(scheduler, 0.5);

        scheduler.RequestTempo(60); // at beat 1: from here, one beat per second
        RunUntil(scheduler, 2.0);

        Assert.Equal([500_000L, 700_000L], _sink.Scheduled.Select(m => m.Due));
    }

    private Scheduler Create(LiveOptions options)
    {
        var scheduler = new Scheduler(_clock, _sink, null, _outgoing, _events, options);
        scheduler.Start();
        return scheduler;
    }

    private void Queue(double beat, byte pitch, bool on = true) =>
        Assert.True(_outgoing.TryWrite(new ScheduledMessage(beat, (byte)(on ? 0x90 : 0x80), pitch, on ? (byte)100 : (byte)0)));

    private void RunUntil(Scheduler scheduler, double seconds) => SchedulerDriver.RunUntil(scheduler, _clock, seconds);
}
