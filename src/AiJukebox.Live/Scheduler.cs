namespace AiJukebox.Live;

/// <summary>
/// The clock thread's work, one <see cref="Pump"/> at a time: apply tempo/flush/panic requests,
/// echo and log the player's input, send every composed message whose time has come (catching
/// up when late, never drifting) and record how late each left. Times are beats, converted to
/// clock ticks at send time through a <see cref="TempoAnchor"/>, so a tempo change moves every
/// queued message at once. Allocation-, lock- and model-free: requests arrive through volatile
/// fields, messages through lock-free rings.
/// </summary>
internal sealed class Scheduler
{
    private readonly IClock _clock;
    private readonly IMidiSink _sink;
    private readonly IMidiSink _clickSink;
    private readonly IMidiInput? _input;
    private readonly SpscRing<ScheduledMessage> _outgoing;
    private readonly SpscRing<LiveEvent> _events;
    private readonly ControlMap _controls;
    private readonly bool _thru;
    private readonly int _outputChannel;
    private readonly SoundingNotes _jukebox = new();
    private readonly SoundingNotes _echoed = new();
    private readonly ClickTrack _click;
    private TempoAnchor _map;
    private long _requestedBpmBits;
    private long _playheadBits;
    private long _bpmBits;
    private int _flushRequested;
    private int _flushDone;
    private int _panicRequested;
    private long _sent;
    private long _droppedEvents;

    public Scheduler(IClock clock, IMidiSink sink, IMidiInput? input, SpscRing<ScheduledMessage> outgoing, SpscRing<LiveEvent> events, LiveOptions options, ClickTrack? click = null, IMidiSink? clickSink = null)
    {
        _clickSink = clickSink ?? sink;
        _click = click ?? new ClickTrack(BarMeter.CommonTime.BarBeats, 0, on: false);
        _clock = clock;
        _sink = sink;
        _input = input;
        _outgoing = outgoing;
        _events = events;
        _controls = options.Controls;
        _thru = options.Thru;
        _outputChannel = options.Channel;
        Lateness = new LatenessHistogram(clock.Frequency);
        _map = new TempoAnchor(clock.Now, 0, options.Tempo, clock.Frequency);
        _requestedBpmBits = BitConverter.DoubleToInt64Bits(options.Tempo);
        _bpmBits = _requestedBpmBits;
    }

    public LatenessHistogram Lateness { get; }

    /// <summary>The beat at the last pump (any thread).</summary>
    public double Playhead => BitConverter.Int64BitsToDouble(Volatile.Read(ref _playheadBits));

    /// <summary>The tempo in force (any thread).</summary>
    public double Bpm => BitConverter.Int64BitsToDouble(Volatile.Read(ref _bpmBits));

    /// <summary>Messages sent (composed and panic; not echoes).</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Events the performer thread did not take in time (its ring was full).</summary>
    public long DroppedEvents => Volatile.Read(ref _droppedEvents);

    /// <summary>Jukebox notes sounding now (clock thread's view).</summary>
    public int JukeboxSounding => _jukebox.Sounding;

    /// <summary>Anchors beat 0 at the current time and logs the starting tempo. Call before the first pump.</summary>
    public void Start()
    {
        _map = new TempoAnchor(_clock.Now, 0, _map.Bpm, _clock.Frequency);
        _click.Reset();
        Log(LiveEventKind.Tempo, 0, 0, 0, 0, _map.Bpm);
    }

    /// <summary>Any thread: the metronome on or off (the count-in clicks regardless).</summary>
    public void RequestMetronome(bool on) => _click.On = on;

    /// <summary>Whether the metronome is on (any thread).</summary>
    public bool MetronomeOn => _click.On;

    public long TicksAt(double beat) => _map.TicksAt(beat);

    /// <summary>Any thread: the tempo changes at the next pump.</summary>
    public void RequestTempo(double bpm) => Volatile.Write(ref _requestedBpmBits, BitConverter.DoubleToInt64Bits(bpm));

    /// <summary>
    /// Any thread: at the next pump, drop every queued message and turn the jukebox's sounding
    /// notes off. The producer must not write until <see cref="IsFlushed"/> says so.
    /// </summary>
    public int RequestFlush() => Interlocked.Increment(ref _flushRequested);

    public bool IsFlushed(int ticket) => Volatile.Read(ref _flushDone) >= ticket;

    /// <summary>Any thread: a full panic at the next pump.</summary>
    public void RequestPanic() => Volatile.Write(ref _panicRequested, 1);

    /// <summary>One round of the clock thread; returns the tick of the next queued message (long.MaxValue when none).</summary>
    public long Pump()
    {
        var now = _clock.Now;
        ApplyRequests(now);
        DrainInput(now);
        var next = Math.Min(SendDue(), SendClicks());
        Volatile.Write(ref _playheadBits, BitConverter.DoubleToInt64Bits(_map.BeatAt(_clock.Now)));
        return next;
    }

    /// <summary>Sends a message right away (program change at start), logged as the jukebox's.</summary>
    public void SendNow(byte status, byte data1, byte data2)
    {
        Send(status, data1, data2);
        _jukebox.Track(status, data1, data2);
        Log(LiveEventKind.Sent, _map.BeatAt(_clock.Now), status, data1, data2);
    }

    /// <summary>
    /// Note-off for every sounding note (the jukebox's and echoed ones), then All Notes Off on every
    /// channel used. Only on the clock thread, or after it has stopped.
    /// </summary>
    public void Panic()
    {
        ReleaseJukeboxNotes();
        while (_echoed.TryFindSounding(out var channel, out var pitch))
        {
            Send((byte)(0x80 | channel), (byte)pitch, 0);
            _echoed.Track((byte)(0x80 | channel), (byte)pitch, 0);
        }

        if (_click.Sounding != 0)
        {
            SendClick(0x80 | Metronome.Channel, _click.Sounding, 0);
            _click.Silence();
        }

        var clickElsewhere = _clickSink != _sink;
        var used = _jukebox.UsedChannels | _echoed.UsedChannels | (1 << _outputChannel) | (_click.Used && !clickElsewhere ? 1 << Metronome.Channel : 0);
        for (var channel = 0; channel < 16; channel++)
        {
            if ((used & (1 << channel)) != 0)
            {
                Send((byte)(0xB0 | channel), 123, 0);
            }
        }

        if (_click.Used && clickElsewhere)
        {
            SendClick(0xB0 | Metronome.Channel, 123, 0);
        }
    }

    /// <summary>Drops every queued message (only on the clock thread or after it stopped).</summary>
    public void DropQueued()
    {
        while (_outgoing.TryRead(out _))
        {
        }
    }

    private void ApplyRequests(long now)
    {
        var requested = BitConverter.Int64BitsToDouble(Volatile.Read(ref _requestedBpmBits));
        if (requested != _map.Bpm)
        {
            _map = _map.Rebase(now, requested);
            Volatile.Write(ref _bpmBits, BitConverter.DoubleToInt64Bits(requested));
            Log(LiveEventKind.Tempo, _map.AnchorBeat, 0, 0, 0, requested);
        }

        var flush = Volatile.Read(ref _flushRequested);
        if (flush != _flushDone)
        {
            DropQueued();
            ReleaseJukeboxNotes();
            Volatile.Write(ref _flushDone, flush);
        }

        if (Interlocked.Exchange(ref _panicRequested, 0) == 1)
        {
            DropQueued();
            Panic();
        }
    }

    private void DrainInput(long now)
    {
        if (_input is null)
        {
            return;
        }

        var nowBeat = _map.BeatAt(now);
        while (_input.TryRead(out var message))
        {
            var beat = Math.Min(_map.BeatAt(message.Ticks), nowBeat);
            var isControl = (message.Status & 0xF0) == 0xB0 && _controls.IsMapped(message.Data1);
            if (_thru && !isControl)
            {
                SendRaw(message.Status, message.Data1, message.Data2, message.Length);
                _echoed.Track(message.Status, message.Data1, message.Data2);
            }

            Log(LiveEventKind.Player, beat, message.Status, message.Data1, message.Data2);
        }
    }

    private long SendDue()
    {
        while (_outgoing.TryPeek(out var message))
        {
            var deadline = _map.TicksAt(message.Beat);
            var now = _clock.Now;
            if (deadline > now)
            {
                return deadline;
            }

            Send(message.Status, message.Data1, message.Data2);
            Lateness.Record(now - deadline);
            _jukebox.Track(message.Status, message.Data1, message.Data2);
            Log(LiveEventKind.Sent, message.Beat, message.Status, message.Data1, message.Data2);
            _outgoing.TryRead(out _);
        }

        return long.MaxValue;
    }

    /// <summary>Sends the clicks (and their note-offs) whose time has come; returns the tick of the next one.</summary>
    private long SendClicks()
    {
        var now = _clock.Now;
        while (true)
        {
            var next = _click.NextBeat();
            if (double.IsPositiveInfinity(next))
            {
                return long.MaxValue;
            }

            // Due by the clock's ticks, as composed messages are (a beat converted to ticks and
            // back may fall a hair short of itself).
            var deadline = _map.TicksAt(next);
            if (deadline > now)
            {
                return deadline;
            }

            if (_click.TryNext(Math.Max(_map.BeatAt(now), next), out var pitch, out var velocity, out var beat))
            {
                var status = (byte)((velocity > 0 ? 0x90 : 0x80) | Metronome.Channel);
                SendClick(status, pitch, velocity);
                Log(LiveEventKind.Click, beat, status, pitch, velocity);
            }
        }
    }

    private void ReleaseJukeboxNotes()
    {
        var beat = _map.BeatAt(_clock.Now);
        while (_jukebox.TryFindSounding(out var channel, out var pitch))
        {
            var status = (byte)(0x80 | channel);
            Send(status, (byte)pitch, 0);
            _jukebox.Track(status, (byte)pitch, 0);
            Log(LiveEventKind.Sent, beat, status, (byte)pitch, 0);
        }
    }

    private void Send(byte status, byte data1, byte data2)
    {
        var kind = status & 0xF0;
        SendRaw(status, data1, data2, (byte)(kind is 0xC0 or 0xD0 ? 2 : 3));
        Volatile.Write(ref _sent, _sent + 1);
    }

    /// <summary>A click's message, to the metronome's own port when it has one.</summary>
    private void SendClick(int status, byte data1, byte data2)
    {
        Span<byte> bytes = [(byte)status, data1, data2];
        _clickSink.Send(bytes);
        Volatile.Write(ref _sent, _sent + 1);
    }

    private void SendRaw(byte status, byte data1, byte data2, byte length)
    {
        Span<byte> bytes = [status, data1, data2];
        _sink.Send(bytes[..length]);
    }

    private void Log(LiveEventKind kind, double beat, byte status, byte data1, byte data2, double bpm = 0)
    {
        if (!_events.TryWrite(new LiveEvent(kind, beat, status, data1, data2, bpm)))
        {
            Volatile.Write(ref _droppedEvents, _droppedEvents + 1);
        }
    }
}
