namespace AiJukebox.Live;

/// <summary>
/// A lock-free single-producer, single-consumer queue from the MIDI library's input thread to
/// the clock thread. Posting never blocks or allocates; when the queue is full the message is
/// dropped and counted (a consumer that far behind has bigger problems).
/// </summary>
public sealed class MidiInputQueue : IMidiInput
{
    private readonly SpscRing<MidiInputMessage> _ring;
    private long _dropped;

    /// <summary>Creates a queue holding up to <paramref name="capacity"/> messages (a power of two).</summary>
    public MidiInputQueue(int capacity = 1024) => _ring = new SpscRing<MidiInputMessage>(capacity);

    /// <summary>Messages dropped because the queue was full, or that were not channel messages.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a message stamped at <paramref name="ticks"/>; system messages (sysex, clock) and malformed ones are ignored.</summary>
    /// <returns>False when the message was not queued.</returns>
    public bool Post(long ticks, ReadOnlySpan<byte> message)
    {
        if (message.Length is 0 or > 3 || message[0] < 0x80 || message[0] >= 0xF0)
        {
            return false;
        }

        var item = new MidiInputMessage(
            ticks,
            message[0],
            message.Length > 1 ? message[1] : (byte)0,
            message.Length > 2 ? message[2] : (byte)0,
            (byte)message.Length);
        if (_ring.TryWrite(item))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <inheritdoc/>
    public bool TryRead(out MidiInputMessage message) => _ring.TryRead(out message);
}
