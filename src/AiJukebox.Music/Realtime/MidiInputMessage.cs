using System.Diagnostics.CodeAnalysis;

namespace AiJukebox.Music.Realtime;

/// <summary>
/// One received MIDI message with its bytes inline (no heap object per message) and the time it
/// arrived, in the ticks of the clock its producer stamps with (the MIDI ports and the live
/// performer use <see cref="System.Diagnostics.Stopwatch"/> ticks).
/// </summary>
public struct MidiInputMessage
{
    /// <summary>The longest message that fits; longer ones (large sysex) are refused by <see cref="MidiInputQueue"/> and counted.</summary>
    public const int MaxLength = 64;

    private MidiMessageBytes _bytes;

    /// <summary>A message of <paramref name="bytes"/> stamped at <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is longer than <see cref="MaxLength"/>.</exception>
    public MidiInputMessage(long timestamp, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength)
        {
            throw new ArgumentException($"A queued MIDI message holds at most {MaxLength} bytes; this one has {bytes.Length}.", nameof(bytes));
        }

        Timestamp = timestamp;
        Length = bytes.Length;
        bytes.CopyTo(_bytes);
    }

    /// <summary>When the message arrived, in the producer's clock ticks (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> for the MIDI ports).</summary>
    public long Timestamp { get; }

    /// <summary>The number of bytes in the message.</summary>
    public int Length { get; }

    /// <summary>The status byte (first byte), or 0 for an empty message.</summary>
    public readonly byte Status => Length > 0 ? _bytes[0] : (byte)0;

    /// <summary>The first data byte, or 0 when absent.</summary>
    public readonly byte Data1 => Length > 1 ? _bytes[1] : (byte)0;

    /// <summary>The second data byte, or 0 when absent.</summary>
    public readonly byte Data2 => Length > 2 ? _bytes[2] : (byte)0;

    /// <summary>Whether this is a complete channel message (status 0x80–0xEF, at most three bytes): a note, a control, a program change, a bend...</summary>
    public readonly bool IsChannelMessage => Length is >= 1 and <= 3 && Status is >= 0x80 and < 0xF0;

    /// <summary>The message bytes.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Bytes => ((ReadOnlySpan<byte>)_bytes)[..Length];

    /// <summary>Copies the message bytes to <paramref name="destination"/> and returns how many were copied.</summary>
    public readonly int CopyTo(Span<byte> destination)
    {
        Bytes.CopyTo(destination);
        return Length;
    }

    /// <summary>The message as hexadecimal bytes, e.g. <c>90 3C 64</c> (allocates; for logs and tests).</summary>
    public override readonly string ToString() => string.Join(' ', Bytes.ToArray().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
