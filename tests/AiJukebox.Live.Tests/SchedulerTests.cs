using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Live.Tests;

public sealed class SchedulerTests
{
    private const long Frequency = 1_000_000;
    private readonly ManualClock _clock = new(Frequency);
    private readonly SpscRing<ScheduledMessage> _outgoing = new(64);
    private readonly SpscRing<LiveEvent> _events = new(256);
    private readonly MidiInputQueue _input = new();
    private readonly RecordingSink _sink;

    public SchedulerTests() => _sink = new RecordingSink(_clock);

    [Fact]
    public void Pump_SendsEachMessageAtItsBeat()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(0, 60);
        Queue(1, 62);
        Queue(2.5, 64);

        RunUntil(scheduler, 2.0);

        Assert.Equal([0L, 500_000L, 1_250_000L], _sink.Messages.Select(m => m.Ticks));
        Assert.Equal([60, 62, 64], _sink.Messages.Select(m => m.Pitch));
        Assert.Equal(3, scheduler.Lateness.Count);
        Assert.Equal(0, scheduler.Lateness.MaxMilliseconds);
    }

    [Fact]
    public void Pump_ReturnsTheNextDeadline()
    {
        var scheduler = Create(new LiveOptions { Tempo = 60 });
        Assert.Equal(long.MaxValue, scheduler.Pump());
        Queue(1.5, 60);
        Assert.Equal(1_500_000L, scheduler.Pump());
    }

    [Fact]
    public void RequestTempo_RebasesAtTheChange()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(1, 60);
        Queue(2, 62);
        Queue(3, 64);
        RunUntil(scheduler, 0.75); // beat 1.5

        scheduler.RequestTempo(60);
        RunUntil(scheduler, 5);

        // Beat 1 at 120 BPM; from beat 1.5 at 0.75 s on, one beat per second.
        Assert.Equal([500_000L, 1_250_000L, 2_250_000L], _sink.Messages.Select(m => m.Ticks));
        Assert.Equal(60, scheduler.Bpm);
        var tempos = Drain().Where(e => e.Kind == LiveEventKind.Tempo).ToList();
        Assert.Equal([(0.0, 120.0), (1.5, 60.0)], tempos.Select(e => (e.Beat, e.Bpm)));
    }

    [Fact]
    public void Pump_WhenLate_CatchesUpAndRecordsLateness()
    {
        var scheduler = Create(new LiveOptions { Tempo = 120 });
        Queue(1, 60);   // due at 0.5 s
        Queue(1.01, 62); // due at 0.505 s
        Queue(2, 64);   // due at 1.0 s

        _clock.Set(507_000); // the thread woke 7 ms late
        scheduler.Pump();

        Assert.Equal([60, 62], _sink.Messages.Select(m => m.Pitch));
        Assert.All(_sink.Messages, m => Assert.Equal(507_000L, m.Ticks));
        Assert.Equal(2, scheduler.Lateness.Count);
        Assert.Equal(7.0, scheduler.Lateness.MaxMilliseconds, 3);
        Assert.Equal(2, scheduler.Lateness.CountLaterThan(1.0));
        Assert.Equal(0, scheduler.Lateness.CountLaterThan(7.1));

        RunUntil(scheduler, 2);
        Assert.Equal(1_000_000L, _sink.Messages[2].Ticks); // back on schedule, no drift
        Assert.Equal(2, scheduler.Lateness.CountLaterThan(1.0));
    }

    [Fact]
    public void Pump_LogsSentMessagesInBeatTime()
    {
        var scheduler = Create(new LiveOptions());
        Queue(0.5, 60);
        RunUntil(scheduler, 1);

        var sent = Assert.Single(Drain(), e => e.Kind == LiveEventKind.Sent);
        Assert.Equal(0.5, sent.Beat);
        Assert.Equal(60, sent.Data1);
    }

    [Fact]
    public void Pump_WithThru_EchoesPlayerNotesButNotMappedControls()
    {
        var scheduler = Create(new LiveOptions { Thru = true });
        _clock.Set(250_000);
        _input.Post(_clock.Now, [0x91, 70, 90]);
        _input.Post(_clock.Now, [0xB1, 14, 100]); // temperature control
        _input.Post(_clock.Now, [0xB1, 64, 127]); // sustain pedal: not a control, echoed
        scheduler.Pump();

        Assert.Equal(["91465A", "B1407F"], _sink.Messages.Select(m => Convert.ToHexString(m.Bytes)));
        var player = Drain().Where(e => e.Kind == LiveEventKind.Player).ToList();
        Assert.Equal(3, player.Count);
        Assert.All(player, e => Assert.Equal(0.5, e.Beat));
    }

    [Fact]
    public void Pump_WithoutThru_LogsButDoesNotEcho()
    {
        var scheduler = Create(new LiveOptions { Thru = false });
        _input.Post(_clock.Now, [0x90, 70, 90]);
        scheduler.Pump();

        Assert.Empty(_sink.Messages);
        Assert.Single(Drain(), e => e.Kind == LiveEventKind.Player);
    }

    [Fact]
    public void Panic_EndsSoundingAndEchoedNotesThenAllNotesOffPerChannel()
    {
        var scheduler = Create(new LiveOptions { Thru = true, Channel = 2 });
        Queue(0, 60, channel: 2);
        Queue(0, 64, channel: 2);
        Queue(0.1, 64, channel: 2, on: false);
        _input.Post(_clock.Now, [0x95, 50, 90]);
        _clock.Set(100_000);
        scheduler.Pump();
        _sink.Messages.Clear();

        scheduler.Panic();

        Assert.Equal(["823C00", "853200", "B27B00", "B57B00"], _sink.Messages.Select(m => Convert.ToHexString(m.Bytes)));
    }

    [Fact]
    public void RequestFlush_DropsQueuedAndEndsTheJukeboxNotes()
    {
        var scheduler = Create(new LiveOptions());
        Queue(0, 60);
        Queue(1, 60, on: false);
        Queue(1, 62);
        scheduler.Pump();

        var ticket = scheduler.RequestFlush();
        Assert.False(scheduler.IsFlushed(ticket));
        scheduler.Pump();

        Assert.True(scheduler.IsFlushed(ticket));
        Assert.Equal(0, _outgoing.Count);
        Assert.Equal(["903C64", "803C00"], _sink.Messages.Select(m => Convert.ToHexString(m.Bytes)));
        Assert.Empty(_sink.HangingNotes());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pump_InSteadyState_AllocatesNothing(bool metronome)
    {
        var counting = new CountingSink();
        var scheduler = new Scheduler(_clock, counting, _input, _outgoing, _events, new LiveOptions { Thru = true }, new ClickTrack(4, 0, metronome));
        scheduler.Start();
        var beat = 0.0;

        void Round()
        {
            for (var i = 0; i < 8; i++)
            {
                _outgoing.TryWrite(new ScheduledMessage(beat, 0x90, 60, 100));
                _outgoing.TryWrite(new ScheduledMessage(beat + 0.1, 0x80, 60, 0));
                beat += 0.25;
            }

            _input.Post(_clock.Now, [0x90, 40, 100]);
            scheduler.RequestTempo(beat % 2 == 0 ? 100 : 120);
            while (_outgoing.Count > 0)
            {
                _clock.Set(Math.Max(_clock.Now, scheduler.Pump()));
            }

            while (_events.TryRead(out _))
            {
            }
        }

        Round();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Round();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        // 100 rounds of 2 beats: with the metronome, a click on and off on every beat as well.
        Assert.True(counting.Count > (metronome ? 1600 + 400 : 1600), $"{counting.Count} messages");
    }

    private Scheduler Create(LiveOptions options)
    {
        var scheduler = new Scheduler(_clock, _sink, _input, _outgoing, _events, options);
        scheduler.Start();
        return scheduler;
    }

    private void Queue(double beat, byte pitch, int channel = 0, bool on = true) =>
        Assert.True(_outgoing.TryWrite(new ScheduledMessage(beat, (byte)((on ? 0x90 : 0x80) | channel), pitch, on ? (byte)100 : (byte)0)));

    private void RunUntil(Scheduler scheduler, double seconds) => SchedulerDriver.RunUntil(scheduler, _clock, seconds);

    private List<LiveEvent> Drain()
    {
        var all = new List<LiveEvent>();
        while (_events.TryRead(out var e))
        {
            all.Add(e);
        }

        return all;
    }

    private sealed class CountingSink : IMidiSink
    {
        public long Count { get; private set; }

        public void Send(ReadOnlySpan<byte> message) => Count += message.Length > 0 ? 1 : 0;
    }
}
