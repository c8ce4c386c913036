using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// An open MIDI input: a connection from an existing port or a virtual port others connect to.
/// RtMidi delivers messages on its own thread into a lock-free queue; one consumer thread drains it
/// with <see cref="TryRead"/>.
/// </summary>
public sealed unsafe class MidiInputPort : IDisposable
{
    private readonly RtMidiClient _client;
    private readonly MidiInputQueue _queue;
    private readonly MidiPortWatcher? _watcher;
    private int _lostReported;
    private volatile bool _disposed;

    internal MidiInputPort(RtMidiClient client, MidiInputQueue queue, string name, bool isVirtual, string clientName, TimeSpan watchInterval)
    {
        _client = client;
        _queue = queue;
        Name = name;
        IsVirtual = isVirtual;
        _client.Errors.Warning += OnWarning;
        if (!isVirtual)
        {
            _watcher = new MidiPortWatcher(client.Api, name, remoteIsSource: true, clientName + "-watch", watchInterval, ReportLost);
        }
    }

    /// <summary>Raised once, on a background thread, when the port this input is connected to disappears.</summary>
    public event EventHandler<string>? PortLost;

    /// <summary>Raised for RtMidi warnings (problems that did not stop the call), on the thread that caused them.</summary>
    public event EventHandler<string>? Warning;

    /// <summary>The MIDI system this port belongs to.</summary>
    public MidiApi Api => _client.Api;

    /// <summary>The port connected to, or for a virtual port its expected full name (<c>client:port</c> on JACK).</summary>
    public string Name { get; }

    /// <summary>Whether this is a virtual port that other programs connect to.</summary>
    public bool IsVirtual { get; }

    /// <summary>Messages lost because the queue was full or they were longer than <see cref="MidiInputMessage.MaxLength"/>.</summary>
    public long DroppedCount => _queue.Dropped;

    /// <summary>Messages waiting in the queue.</summary>
    public int Count => _queue.Count;

    /// <summary>Takes the oldest received message, if any. Allocates nothing; call from one thread at a time.</summary>
    /// <exception cref="ObjectDisposedException">The port was closed.</exception>
    public bool TryRead(out MidiInputMessage message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queue.TryRead(out message);
    }

    /// <summary>Closes the port. Messages still queued are discarded.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watcher?.Dispose();
        _client.Errors.Warning -= OnWarning;

        // Unregister the port first so no further callback starts, then free (which stops RtMidi's thread);
        // the queue's GC handle is freed only after that, by the SafeHandle.
        _client.ClosePort();
        _client.Dispose();
    }

    private void ReportLost(string message)
    {
        if (Interlocked.Exchange(ref _lostReported, 1) == 0)
        {
            PortLost?.Invoke(this, message);
        }
    }

    private void OnWarning(string text) => Warning?.Invoke(this, text);
}
