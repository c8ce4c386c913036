using AiJukebox.Music.Realtime;

namespace AiJukebox.Live;

/// <summary>
/// The clock thread's work, one <see cref="Pump"/> at a time: apply tempo/flush/panic requests,
/// echo and log the player's input, send every composed message whose time has come (catching
/// up when late, never drifting) and record how late each left. Times are beats, converted to
/// clock ticks at send time through a <see cref="TempoAnchor"/>, so a tempo change moves every
/// queued message at once. Allocation-, lock- and model-free: requests arrive through volatile
/// fields, messages through lock-free rings. A sink that places messages at their own time
/// (<see cref="ITimedMidiSink"/>, a JACK output) gets each one up to its lookahead early, stamped
/// with its deadline, and the clock thread no longer needs to wake precisely.
/// </summary>
internal sealed class Scheduler
{
    private readonly IClock _clock;
    private readonly IMidiSink _sink;
    private readonly ITimedMidiSink? _timed;
    private readonly long _lookaheadTicks;
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
        if (sink is ITimedMidiSink { Lookahead: var lookahead } timed && lookahead > TimeSpan.Zero)
        {
            _timed = timed;
            _lookaheadTicks = (long)(lookahead.TotalSeconds * clock.Frequency);
        }

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

    /// <summary>
    /// Whether messages are handed to a timed sink ahead of their time: then <see cref="Pump"/>
    /// returns when the next one should be handed over, and a coarse sleep to it is precise enough.
    /// </summary>
    public bool HandsAhead => _timed is not null;

    private bool ClicksOwnSink => !ReferenceEquals(_clickSink, _sink);

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

    /// <summary>One round of the clock thread; returns the tick of the next queued message, or with a timed sink the tick at which to hand it over (long.MaxValue when none).</summary>
    public long Pump()
    {
        var now = _clock.Now;
        ApplyRequests(now);
        DrainInput(now);
        var next = SendDue();
        Volatile.Write(ref _playheadBits, BitConverter.DoubleToInt64Bits(_map.BeatAt(_clock.Now)));
        return next;
    }

    /// <summary>Sends a message right away (program change at start), logged as the jukebox's.</summary>
    public void SendNow(byte status, byte data1, byte data2)
    {
        // A timed sink places what it is handed by time: this goes just before beat 0, so a note
        // on beat 0 (handed over ahead) cannot overtake the program change it is meant to sound with.
        if (_timed is null || !SendAt(Math.Min(_clock.Now, _map.TicksAt(0)) - 1, status, data1, data2))
        {
            Send(status, data1, data2);
        }

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
            SendToClickSink(0x80 | Metronome.Channel, (byte)_click.Sounding, 0);
            _click.Silence();
        }

        var clickElsewhere = ClicksOwnSink;
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
            SendToClickSink(0xB0 | Metronome.Channel, 123, 0);
        }
    }

    /// <summary>Drops every queued message, also those a timed sink holds (only on the clock thread or after it stopped); a timed sink still sends their note-offs.</summary>
    public void DropQueued()
    {
        while (_outgoing.TryRead(out _))
        {
        }

        if (_timed is not null)
        {
            // What was due by now still sounds (the sink sends it); what was not never will, so
            // the playhead, where the take ends, moves to now.
            Volatile.Write(ref _playheadBits, BitConverter.DoubleToInt64Bits(_map.BeatAt(_clock.Now)));
            _timed.CancelScheduled();
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
            if (!message.IsChannelMessage)
            {
                continue; // sysex, clock, a malformed message: not the player's notes or controls
            }

            var beat = Math.Min(_map.BeatAt(message.Timestamp), nowBeat);
            var isControl = (message.Status & 0xF0) == 0xB0 && _controls.IsMapped(message.Data1);
            if (_thru && !isControl)
            {
                SendRaw(message.Status, message.Data1, message.Data2, (byte)message.Length);
                _echoed.Track(message.Status, message.Data1, message.Data2);
            }

            Log(LiveEventKind.Player, beat, message.Status, message.Data1, message.Data2);
        }
    }

    /// <summary>
    /// Sends the composed messages and the clicks whose time has come (with a timed sink: whose
    /// time is within its lookahead), merged in time order, and returns the tick of the next one
    /// (with a timed sink: when to hand it over).
    /// </summary>
    private long SendDue()
    {
        while (true)
        {
            var now = _clock.Now;
            var composed = _outgoing.TryPeek(out var message) ? _map.TicksAt(message.Beat) : long.MaxValue;
            var clickBeat = _click.NextBeat();

            // Due by the clock's ticks, as composed messages are (a beat converted to ticks and
            // back may fall a hair short of itself).
            var click = double.IsPositiveInfinity(clickBeat) ? long.MaxValue : _map.TicksAt(clickBeat);
            if (composed == long.MaxValue && click == long.MaxValue)
            {
                return long.MaxValue;
            }

            // What goes to the timed sink is handed over a lookahead early; clicks on a port of
            // their own leave at their time.
            var composedHandover = composed == long.MaxValue ? long.MaxValue : composed - _lookaheadTicks;
            var clickHandover = click == long.MaxValue ? long.MaxValue : click - (ClicksOwnSink ? 0 : _lookaheadTicks);
            var first = Math.Min(composedHandover, clickHandover);
            if (first > now)
            {
                return first;
            }

            if (composedHandover <= clickHandover)
            {
                if (!SendComposed(message, composed, now))
                {
                    return now; // the timed sink is full: again at the next round
                }
            }
            else
            {
                SendClick(now, clickBeat);
            }
        }
    }

    private bool SendComposed(in ScheduledMessage message, long deadline, long now)
    {
        if (_timed is null)
        {
            Send(message.Status, message.Data1, message.Data2);
        }
        else if (!SendAt(deadline, message.Status, message.Data1, message.Data2))
        {
            return false;
        }

        // Handed over early counts as on time: the histogram measures how late a message left here.
        Lateness.Record(now - deadline);
        _jukebox.Track(message.Status, message.Data1, message.Data2);
        Log(LiveEventKind.Sent, message.Beat, message.Status, message.Data1, message.Data2);
        _outgoing.TryRead(out _);
        return true;
    }

    /// <summary>Sends the next click or its note-off (a click more than a quarter beat late is skipped).</summary>
    private void SendClick(long now, double next)
    {
        if (_click.TryNext(Math.Max(_map.BeatAt(now), next), out var pitch, out var velocity, out var beat))
        {
            var status = (byte)((velocity > 0 ? 0x90 : 0x80) | Metronome.Channel);
            if (ClicksOwnSink)
            {
                SendToClickSink(status, pitch, velocity);
            }
            else if (_timed is null || !SendAt(_map.TicksAt(beat), status, pitch, velocity))
            {
                // A full timed sink takes the click now rather than never (its note-off stays paired).
                Send(status, pitch, velocity);
            }

            Log(LiveEventKind.Click, beat, status, pitch, velocity);
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

    private bool SendAt(long ticks, byte status, byte data1, byte data2)
    {
        var kind = status & 0xF0;
        Span<byte> bytes = [status, data1, data2];
        if (!_timed!.TrySendAt(ticks, bytes[..(kind is 0xC0 or 0xD0 ? 2 : 3)]))
        {
            return false;
        }

        Volatile.Write(ref _sent, _sent + 1);
        return true;
    }

    /// <summary>A click's message now, to the metronome's own port.</summary>
    private void SendToClickSink(int status, byte data1, byte data2)
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
