namespace AiJukebox.Music.Realtime;

/// <summary>
/// A lock-free queue of timestamped MIDI messages from one producer thread (a MIDI library's input
/// callback) to one consumer thread. Posting never blocks or allocates; a message that is empty,
/// longer than <see cref="MidiInputMessage.MaxLength"/>, or finds the queue full is dropped and
/// counted in <see cref="Dropped"/>.
/// </summary>
public sealed class MidiInputQueue : IMidiInput
{
    private readonly SpscRing<MidiInputMessage> _ring;
    private long _dropped;

    /// <summary>Creates a queue holding at least <paramref name="capacity"/> messages (rounded up to a power of two).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1 or above <see cref="SpscRing{T}.MaxCapacity"/>.</exception>
    public MidiInputQueue(int capacity = 1024) => _ring = new SpscRing<MidiInputMessage>(capacity);

    /// <summary>Messages dropped: empty, too long, or the queue was full (any thread).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages waiting (a snapshot for threads other than the producer and the consumer).</summary>
    public int Count => _ring.Count;

    /// <summary>Producer only: queues <paramref name="message"/> stamped at <paramref name="timestamp"/>.</summary>
    /// <returns>False when the message was dropped (and counted).</returns>
    public bool Post(long timestamp, ReadOnlySpan<byte> message)
    {
        if (!message.IsEmpty && message.Length <= MidiInputMessage.MaxLength && _ring.TryWrite(new MidiInputMessage(timestamp, message)))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Counts a message the producer could not even read (for example one a MIDI server reports as lost).</summary>
    public void CountDropped(long count = 1) => Interlocked.Add(ref _dropped, count);

    /// <inheritdoc/>
    public bool TryRead(out MidiInputMessage message) => _ring.TryRead(out message);
}
