using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace AiJukebox.Devices;

/// <summary>
/// One received MIDI message with its bytes inline (no heap object per message) and its arrival
/// time on the <see cref="Stopwatch"/> clock.
/// </summary>
public struct MidiInputMessage
{
    /// <summary>The longest message that fits; longer ones (large sysex) are counted as dropped.</summary>
    public const int MaxLength = 64;

    private MidiMessageBytes _bytes;

    internal MidiInputMessage(long timestamp, double deltaSeconds, ReadOnlySpan<byte> bytes)
    {
        Timestamp = timestamp;
        DeltaSeconds = deltaSeconds;
        Length = bytes.Length;
        bytes.CopyTo(_bytes);
    }

    /// <summary>When the message reached this process, in <see cref="Stopwatch.GetTimestamp"/> ticks (one monotonic clock for all ports).</summary>
    public long Timestamp { get; }

    /// <summary>RtMidi's own time since the previous message on this port, in seconds (0 for the first).</summary>
    public double DeltaSeconds { get; }

    /// <summary>The number of bytes in the message.</summary>
    public int Length { get; }

    /// <summary>The status byte (first byte), or 0 for an empty message.</summary>
    public readonly byte Status => Length > 0 ? _bytes[0] : (byte)0;

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
    public override readonly string ToString() => string.Join(' ', Bytes.ToArray().Select(b => b.ToString("X2")));
}
