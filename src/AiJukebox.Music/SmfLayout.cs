using System.Buffers.Binary;

namespace AiJukebox.Music;

/// <summary>
/// The chunk structure of a Standard MIDI File, checked before the events are parsed, so that a
/// damaged file gets a precise reason (NAudio's reader stops at the first surprise with a terse
/// message, or reads on into the next chunk) and unknown chunks are skipped as the standard asks.
/// </summary>
internal sealed class SmfLayout
{
    private SmfLayout(int format, ushort division, List<(int Offset, int Length)> tracks)
    {
        Format = format;
        Division = division;
        Tracks = tracks;
    }

    public int Format { get; }

    /// <summary>Raw division word: ticks per quarter note, or an SMPTE rate when the top bit is set.</summary>
    public ushort Division { get; }

    public bool IsSmpte => (Division & 0x8000) != 0;

    /// <summary>SMPTE frames per second (24, 25, 29 for 30-drop, 30).</summary>
    public int SmpteFramesPerSecond => -(sbyte)(Division >> 8);

    public int SmpteTicksPerFrame => Division & 0xFF;

    /// <summary>Offset and length of each MTrk chunk's data.</summary>
    public IReadOnlyList<(int Offset, int Length)> Tracks { get; }

    /// <exception cref="MidiImportException">The bytes are not a well-formed SMF.</exception>
    public static SmfLayout Scan(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 14 || !bytes[..4].SequenceEqual("MThd"u8))
        {
            throw new MidiImportException(bytes.Length == 0 ? "empty file" : "not a MIDI file (no MThd header)");
        }

        var headerLength = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        if (headerLength < 6 || headerLength > (uint)bytes.Length - 8)
        {
            throw new MidiImportException($"damaged header (its length field says {headerLength} bytes)");
        }

        int format = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        int declaredTracks = BinaryPrimitives.ReadUInt16BigEndian(bytes[10..]);
        var division = BinaryPrimitives.ReadUInt16BigEndian(bytes[12..]);
        if (format > 2)
        {
            throw new MidiImportException($"unknown MIDI file format {format} (0, 1 and 2 exist)");
        }

        if (division == 0 || ((division & 0x8000) != 0 && (division & 0xFF) == 0))
        {
            throw new MidiImportException("time division is zero");
        }

        if ((division & 0x8000) != 0 && -(sbyte)(division >> 8) is not (24 or 25 or 29 or 30))
        {
            throw new MidiImportException($"unknown SMPTE frame rate {-(sbyte)(division >> 8)} in the time division");
        }

        var tracks = new List<(int, int)>();
        var position = 8 + (int)headerLength;
        while (position < bytes.Length)
        {
            if (bytes.Length - position < 8)
            {
                // A few stray bytes after the last chunk (padding some writers add) are harmless.
                if (tracks.Count >= declaredTracks)
                {
                    break;
                }

                throw new MidiImportException($"truncated: file ends inside the header of chunk {tracks.Count + 1} at byte {position}");
            }

            var id = bytes.Slice(position, 4);
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(position + 4)..]);
            if (!IsChunkId(id))
            {
                if (tracks.Count >= declaredTracks)
                {
                    break;
                }

                throw new MidiImportException(tracks.Count == 0
                    ? $"damaged: the header's length is wrong or the first track is missing (no chunk at byte {position})"
                    : $"damaged: track {tracks.Count - 1}'s chunk length is wrong (no chunk starts at byte {position})");
            }

            var dataOffset = position + 8;
            if (length > (uint)(bytes.Length - dataOffset))
            {
                throw new MidiImportException(
                    $"truncated: chunk at byte {position} says {length} bytes but only {bytes.Length - dataOffset} remain");
            }

            if (id.SequenceEqual("MTrk"u8))
            {
                tracks.Add((dataOffset, (int)length));
            }

            position = dataOffset + (int)length;
        }

        if (tracks.Count < declaredTracks)
        {
            throw new MidiImportException($"truncated: the header announces {declaredTracks} tracks but only {tracks.Count} were found");
        }

        if (tracks.Count == 0)
        {
            throw new MidiImportException("the file has no tracks");
        }

        return new SmfLayout(format, division, tracks);
    }

    /// <summary>The file reduced to a 6-byte header and its MTrk chunks: what NAudio's reader accepts.</summary>
    public byte[] Normalize(ReadOnlySpan<byte> bytes)
    {
        var size = 14 + Tracks.Sum(t => 8 + t.Length);
        var result = new byte[size];
        "MThd"u8.CopyTo(result);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(8), (ushort)Format);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(10), (ushort)Tracks.Count);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(12), Division);
        var position = 14;
        foreach (var (offset, length) in Tracks)
        {
            bytes.Slice(offset - 8, 8 + length).CopyTo(result.AsSpan(position));
            position += 8 + length;
        }

        return result;
    }

    private static bool IsChunkId(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
