namespace AiJukebox.Devices;

/// <summary>
/// A fixed-capacity, lock-free ring for exactly one producer thread and one consumer thread.
/// The producer (RtMidi's callback thread) never blocks and never allocates: when the ring is full
/// the item is refused and the caller counts it as dropped.
/// </summary>
/// <typeparam name="T">An unmanaged-friendly value type; items are copied in and out.</typeparam>
internal sealed class SpscRing<T>
    where T : struct
{
    private readonly T[] _items;
    private readonly int _mask;

    // Head and tail on separate cache lines would help under heavy contention; MIDI rates are far below that.
    private long _head; // next slot to read; written only by the consumer
    private long _tail; // next slot to write; written only by the producer

    public SpscRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 20);
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _items = new T[size];
        _mask = size - 1;
    }

    public int Capacity => _items.Length;

    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Producer side: copies <paramref name="item"/> in, or returns <c>false</c> when full.</summary>
    public bool TryWrite(in T item)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _items.Length)
        {
            return false;
        }

        _items[tail & _mask] = item;
        Volatile.Write(ref _tail, tail + 1); // publishes the item to the consumer
        return true;
    }

    /// <summary>Consumer side: copies the oldest item out, or returns <c>false</c> when empty.</summary>
    public bool TryRead(out T item)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            item = default;
            return false;
        }

        item = _items[head & _mask];
        Volatile.Write(ref _head, head + 1); // frees the slot for the producer
        return true;
    }
}
