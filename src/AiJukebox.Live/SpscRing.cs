namespace AiJukebox.Live;

/// <summary>
/// A bounded lock-free ring for exactly one producer thread and one consumer thread, over
/// preallocated structs: writing and reading never allocate or block.
/// </summary>
internal sealed class SpscRing<T>
    where T : struct
{
    private readonly T[] _items;
    private readonly int _mask;
    private long _head; // next slot to read; written by the consumer only
    private long _tail; // next slot to write; written by the producer only

    public SpscRing(int capacity)
    {
        if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Ring capacity must be a power of two, at least 2.");
        }

        _items = new T[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _items.Length;

    /// <summary>Items waiting (exact for the producer and the consumer, a snapshot for others).</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Free slots, as seen by the producer.</summary>
    public int Free => Capacity - Count;

    /// <summary>Producer only.</summary>
    public bool TryWrite(in T item)
    {
        var tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _items.Length)
        {
            return false;
        }

        _items[tail & _mask] = item;
        // Publishes the item: the consumer reads _tail before the slot.
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Consumer only.</summary>
    public bool TryPeek(out T item)
    {
        var head = _head;
        if (head >= Volatile.Read(ref _tail))
        {
            item = default;
            return false;
        }

        item = _items[head & _mask];
        return true;
    }

    /// <summary>Consumer only.</summary>
    public bool TryRead(out T item)
    {
        if (!TryPeek(out item))
        {
            return false;
        }

        // Frees the slot only after it was copied out.
        Volatile.Write(ref _head, _head + 1);
        return true;
    }
}
