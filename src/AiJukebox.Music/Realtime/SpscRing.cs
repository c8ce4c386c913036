namespace AiJukebox.Music.Realtime;

/// <summary>
/// A bounded, lock-free ring for exactly one producer thread and one consumer thread, over
/// preallocated value types: writing and reading never allocate, lock or wait. When the ring is
/// full, <see cref="TryWrite"/> refuses the item and the caller decides (count it, drop it).
/// This is the one ring of the program: MIDI input callbacks to the clock thread, the generator
/// to the clock thread, the clock thread to a JACK process callback.
/// </summary>
/// <typeparam name="T">The item type; items are copied in and out, so it should hold no references in real-time use.</typeparam>
public sealed class SpscRing<T>
    where T : struct
{
    /// <summary>The largest capacity accepted.</summary>
    public const int MaxCapacity = 1 << 20;

    private readonly T[] _items;
    private readonly int _mask;

    // Head and tail on separate cache lines would help under heavy contention; MIDI rates are far below that.
    private long _head; // next slot to read; written by the consumer only
    private long _tail; // next slot to write; written by the producer only

    /// <summary>Creates a ring holding at least <paramref name="capacity"/> items (rounded up to a power of two).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1 or above <see cref="MaxCapacity"/>.</exception>
    public SpscRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _items = new T[size];
        _mask = size - 1;
    }

    /// <summary>How many items the ring holds when full (a power of two).</summary>
    public int Capacity => _items.Length;

    /// <summary>Items waiting (exact for the producer and the consumer, a snapshot for other threads).</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Free slots, as the producer sees them.</summary>
    public int Free => Capacity - Count;

    /// <summary>Producer only: copies <paramref name="item"/> in, or returns <c>false</c> when the ring is full.</summary>
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

    /// <summary>Consumer only: copies the oldest item out without taking it, or returns <c>false</c> when empty.</summary>
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

    /// <summary>Consumer only: takes the oldest item, or returns <c>false</c> when empty.</summary>
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
