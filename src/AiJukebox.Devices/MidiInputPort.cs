using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices;

/// <summary>
/// An open MIDI input: a connection from an existing port or a virtual port others connect to.
/// The MIDI system delivers messages on its own thread into a lock-free queue, each stamped with
/// its arrival time on the <see cref="System.Diagnostics.Stopwatch"/> clock; one consumer thread
/// drains it with <see cref="TryRead"/>.
/// </summary>
public abstract class MidiInputPort : MidiPort, IMidiInput
{
    private readonly MidiInputQueue _queue;

    private protected MidiInputPort(MidiApi api, string name, bool isVirtual, MidiInputQueue queue)
        : base(api, name, isVirtual)
    {
        _queue = queue;
    }

    /// <summary>Messages lost because the queue was full or they were longer than <see cref="MidiInputMessage.MaxLength"/>.</summary>
    public long DroppedCount => _queue.Dropped;

    /// <summary>Messages waiting in the queue.</summary>
    public int Count => _queue.Count;

    /// <summary>Takes the oldest received message, if any. Allocates nothing; call from one thread at a time.</summary>
    /// <exception cref="ObjectDisposedException">The port was closed.</exception>
    public bool TryRead(out MidiInputMessage message)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return _queue.TryRead(out message);
    }
}
