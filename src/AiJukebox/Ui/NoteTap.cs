using System.Diagnostics;

namespace AiJukebox.Ui;

/// <summary>
/// A lock-free, allocation-free record of note-ons and note-offs written by the performer's clock
/// thread (the only writer) and read by the piano roll on the UI thread. When the reader falls
/// more than the ring's size behind, it skips what was overwritten: the roll is a picture, not a log.
/// </summary>
internal sealed class NoteTap
{
    private readonly TapEvent[] _ring;
    private long _written;

    public NoteTap(int capacity = 4096) => _ring = new TapEvent[capacity];

    /// <summary>Records one MIDI message if it is a note-on or note-off (called on the clock thread).</summary>
    public void Observe(ReadOnlySpan<byte> message, bool player)
    {
        if (message.Length >= 3)
        {
            Observe(message[0], message[1], message[2], player);
        }
    }

    /// <summary>Records one message given as its three bytes (called on the clock thread).</summary>
    public void Observe(byte status, byte data1, byte data2, bool player)
    {
        var kind = status & 0xF0;
        if (kind is not (0x80 or 0x90))
        {
            return;
        }

        var index = _written;
        _ring[index % _ring.Length] = new TapEvent(Stopwatch.GetTimestamp(), data1, kind == 0x90 && data2 > 0, player);
        Volatile.Write(ref _written, index + 1);
    }

    /// <summary>Copies the events after <paramref name="cursor"/> into <paramref name="into"/> and advances the cursor.</summary>
    public void Drain(ref long cursor, List<TapEvent> into)
    {
        var written = Volatile.Read(ref _written);
        cursor = Math.Max(cursor, written - _ring.Length);
        for (; cursor < written; cursor++)
        {
            into.Add(_ring[cursor % _ring.Length]);
        }
    }
}
