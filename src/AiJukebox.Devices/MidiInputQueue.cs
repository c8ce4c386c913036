using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices;

/// <summary>
/// What RtMidi's input callback writes into: a lock-free ring of inline messages. Kept apart from
/// <see cref="MidiInputPort"/> so the GC handle RtMidi holds does not keep the port itself alive.
/// </summary>
internal sealed unsafe class MidiInputQueue
{
    private readonly SpscRing<MidiInputMessage> _ring;
    private long _dropped;

    public MidiInputQueue(int capacity) => _ring = new SpscRing<MidiInputMessage>(capacity);

    /// <summary>The function pointer RtMidi calls with each message (on its own thread).</summary>
    public static delegate* unmanaged<double, byte*, nuint, void*, void> Callback => &OnMessage;

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count => _ring.Count;

    public bool TryRead(out MidiInputMessage message) => _ring.TryRead(out message);

    /// <summary>Producer side; called only from RtMidi's callback thread. Allocates nothing.</summary>
    internal void Enqueue(long timestamp, double deltaSeconds, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Length > MidiInputMessage.MaxLength
            || !_ring.TryWrite(new MidiInputMessage(timestamp, deltaSeconds, bytes)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnMessage(double deltaSeconds, byte* message, nuint size, void* userData)
    {
        // Stamp first: everything after this is our own overhead, not arrival time.
        long now = Stopwatch.GetTimestamp();
        try
        {
            if (GCHandle.FromIntPtr((nint)userData).Target is MidiInputQueue queue)
            {
                queue.Enqueue(now, deltaSeconds, new ReadOnlySpan<byte>(message, (int)Math.Min(size, int.MaxValue)));
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into RtMidi's thread.
        }
    }
}
