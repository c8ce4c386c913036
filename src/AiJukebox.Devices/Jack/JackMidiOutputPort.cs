using System.Diagnostics;

using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// An output through AI Jukebox's own JACK client: <see cref="Send"/> and <see cref="TrySendAt"/>
/// stamp each message and queue it lock-free for the process callback, which places it at the
/// frame of its time plus one period (<see cref="JackOutputProcessor"/>).
/// </summary>
internal sealed class JackMidiOutputPort : MidiOutputPort
{
    /// <summary>How far ahead scheduled messages are taken: enough for a clock thread that oversleeps by tens of milliseconds and for a loaded dummy server whose clock runs ahead, short enough that a tempo change is heard within a tenth of a second (a stop cancels what waits).</summary>
    internal static readonly TimeSpan Ahead = TimeSpan.FromMilliseconds(100);

    private const int NowCapacity = 1024;
    private const int ScheduledCapacity = 4096;
    private readonly JackClient _client;
    private readonly JackOutputProcessor _processor;
    private long _lastDue;
    private long _refused;

    private JackMidiOutputPort(JackClient client, JackOutputProcessor processor, string name, bool isVirtual)
        : base(MidiApi.Jack, name, isVirtual)
    {
        _client = client;
        _processor = processor;
        _client.Lost += ReportLost;
    }

    public override TimeSpan ScheduleAhead => Ahead;

    public override long Xruns => _client.Xruns;

    public override long Undelivered => _processor.FailedWrites + Interlocked.Read(ref _refused);

    public override LatenessHistogram? CallbackDurations => _client.CallbackDurations;

    /// <summary>Events that reached the callback after their frame had passed.</summary>
    internal long LateEvents => _processor.LateEvents;

    internal long Skew => _processor.Skew;

    /// <summary>Events written into JACK's buffers.</summary>
    internal long Written => _processor.Written;

    /// <summary>Messages queued and not yet written.</summary>
    internal int Pending => _processor.Pending;

    /// <summary>Opens a client with one output port, connected to <paramref name="destination"/> (a port selector) or, with null, virtual.</summary>
    internal static JackMidiOutputPort Open(string clientName, string portName, string? destination)
    {
        JackOutputProcessor? processor = null;
        JackClient client = JackClient.Open(clientName, portName, isInput: false, clock => processor = new JackOutputProcessor(clock, NowCapacity, ScheduledCapacity));
        try
        {
            if (destination is null)
            {
                return new JackMidiOutputPort(client, processor!, client.PortName, isVirtual: true);
            }

            List<string> names = client.MidiPorts(Interop.JackNative.PortIsInput);
            string peer = names[MidiPortSelector.Resolve(names, destination, "output")];
            client.Connect(client.PortName, peer, peer);
            return new JackMidiOutputPort(client, processor!, peer, isVirtual: false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public override void Send(ReadOnlySpan<byte> message)
    {
        Validate(message);
        if (!_processor.TryQueueNow(new MidiInputMessage(_client.Clock.ToJack(Stopwatch.GetTimestamp()), message)))
        {
            // A period's worth of messages is far below the ring; a full ring means nothing is being processed.
            Interlocked.Increment(ref _refused);
        }
    }

    public override bool TrySendAt(long timestamp, ReadOnlySpan<byte> message)
    {
        Validate(message);
        // JACK needs each period's events in time order: a message due before the last one goes with it.
        var due = Math.Max(_client.Clock.ToJack(timestamp), _lastDue);
        if (!_processor.TryQueueScheduled(new MidiInputMessage(due, message)))
        {
            return false;
        }

        _lastDue = due;
        return true;
    }

    public override void CancelScheduled()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _processor.CancelScheduled(_client.Clock.ToJack(Stopwatch.GetTimestamp()));
        _lastDue = 0;
    }

    private protected override void Close()
    {
        _client.Lost -= ReportLost;

        // What was sent last (a stop's note-offs) is delivered before the client goes: the rings
        // empty within a period, and the cycle after that has passed its events on.
        var period = TimeSpan.FromSeconds(_client.BufferSize / (double)Math.Max(1u, _client.SampleRate));
        var timeout = TimeSpan.FromMilliseconds(100) + (period * 3);
        _client.WaitWhileRunning(() => _processor.Pending == 0, timeout);
        var cycles = _processor.Cycles;
        _client.WaitWhileRunning(() => _processor.Cycles > cycles + 1, timeout);
        _client.Dispose();
    }

    private void Validate(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("A MIDI message has at least a status byte.", nameof(message));
        }

        if (message.Length > MidiInputMessage.MaxLength)
        {
            throw new ArgumentException($"A JACK output sends messages of at most {MidiInputMessage.MaxLength} bytes; this one has {message.Length}.", nameof(message));
        }

        ObjectDisposedException.ThrowIf(IsDisposed, this);
    }
}
