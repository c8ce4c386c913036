using System.Buffers.Binary;

namespace AiJukebox.Music;

/// <summary>
/// A Standard MIDI File's header and the events of its tracks, read leniently: unknown chunks are
/// skipped as the standard asks, and the faults real collections are full of are recovered with a
/// warning instead of losing the file (in the spirit of DryWetMidi's reading policies):
/// <list type="bullet">
/// <item>a track chunk whose length field is wrong: the track ends at its end-of-track event when a chunk (or the file's end) follows it;</item>
/// <item>a missing end-of-track: the track ends where its chunk ends;</item>
/// <item>running status across meta and sysex events: the last channel status goes on;</item>
/// <item>a file cut off inside its last track: the events before the cut are kept.</item>
/// </list>
/// Anything else that is damaged fails with a <see cref="MidiImportException"/> that says what and where.
/// </summary>
internal sealed class SmfFile
{
    private SmfFile(int format, ushort division, List<SmfEvent>[] tracks, MidiTrackInfo[] infos, List<string> warnings)
    {
        Format = format;
        Division = division;
        Tracks = tracks;
        Infos = infos;
        Warnings = warnings;
    }

    public int Format { get; }

    /// <summary>Raw division word: ticks per quarter note, or an SMPTE rate when the top bit is set.</summary>
    public ushort Division { get; }

    public bool IsSmpte => (Division & 0x8000) != 0;

    /// <summary>SMPTE frames per second (24, 25, 29 for 30-drop, 30).</summary>
    public int SmpteFramesPerSecond => -(sbyte)(Division >> 8);

    public int SmpteTicksPerFrame => Division & 0xFF;

    /// <summary>Each MTrk chunk's events, in file order.</summary>
    public IReadOnlyList<List<SmfEvent>> Tracks { get; }

    public IReadOnlyList<MidiTrackInfo> Infos { get; }

    /// <summary>The faults that were recovered, one line each.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <exception cref="MidiImportException">The bytes are not a usable SMF.</exception>
    public static SmfFile Read(ReadOnlySpan<byte> bytes)
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

        var tracks = new List<List<SmfEvent>>();
        var infos = new List<MidiTrackInfo>();
        var warnings = new List<string>();
        var budget = MidiFileImporter.MaxEvents;
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

            if (!IsChunkId(bytes.Slice(position, 4)))
            {
                if (tracks.Count >= declaredTracks)
                {
                    break;
                }

                throw new MidiImportException(tracks.Count == 0
                    ? $"damaged: the header's length is wrong or the first track is missing (no chunk at byte {position})"
                    : $"damaged: track {tracks.Count - 1}'s chunk length is wrong (no chunk starts at byte {position})");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(position + 4)..]);
            var dataOffset = position + 8;
            if (!bytes.Slice(position, 4).SequenceEqual("MTrk"u8))
            {
                if (length > (uint)(bytes.Length - dataOffset))
                {
                    throw new MidiImportException($"truncated: chunk at byte {position} says {length} bytes but only {bytes.Length - dataOffset} remain");
                }

                position = dataOffset + (int)length;
                continue;
            }

            if (tracks.Count == ushort.MaxValue)
            {
                throw new MidiImportException($"more than {ushort.MaxValue:N0} tracks; a MIDI file holds at most that many");
            }

            var lastDeclared = tracks.Count + 1 >= declaredTracks;
            position = ReadTrack(bytes, position, length, tracks.Count, lastDeclared, tracks, infos, warnings, ref budget);
        }

        if (tracks.Count < declaredTracks)
        {
            throw new MidiImportException($"truncated: the header announces {declaredTracks} tracks but only {tracks.Count} were found");
        }

        if (tracks.Count == 0)
        {
            throw new MidiImportException("the file has no tracks");
        }

        return new SmfFile(format, division, [.. tracks], [.. infos], warnings);
    }

    /// <summary>Reads one MTrk chunk by the policies above; returns where the next chunk starts.</summary>
    private static int ReadTrack(ReadOnlySpan<byte> bytes, int chunk, uint length, int track, bool lastDeclared, List<List<SmfEvent>> tracks, List<MidiTrackInfo> infos, List<string> warnings, ref int budget)
    {
        var dataOffset = chunk + 8;
        var remaining = bytes.Length - dataOffset;
        var declaredEnd = length <= (uint)remaining ? dataOffset + (int)length : -1;
        var events = new List<SmfEvent>();
        var spent = budget;

        if (declaredEnd >= 0)
        {
            var read = SmfTrackParser.Parse(bytes, dataOffset, declaredEnd, track, events, ref spent);
            var followedWell = declaredEnd == bytes.Length || IsChunkAt(bytes, declaredEnd) || lastDeclared;
            if (read.EndOfTrack && (followedWell || !IsChunkAt(bytes, read.End)))
            {
                return Keep(read, declaredEnd, ref budget, spent);
            }

            if (read.EndOfTrack)
            {
                // The declared end lands inside the next chunk: the length field is too long.
                warnings.Add($"track {track}'s chunk length says {length} bytes but its end-of-track comes after {read.End - dataOffset}; read to its end-of-track");
                return Keep(read, read.End, ref budget, spent);
            }

            if (!read.CutOff && followedWell)
            {
                warnings.Add($"track {track} has no end-of-track event; it ends where its chunk ends");
                return Keep(read, declaredEnd, ref budget, spent);
            }
        }

        // The length field is too short (events run on past it) or runs past the end of the file:
        // read on to the end-of-track, and trust it when a chunk or the file's end comes next.
        events.Clear();
        spent = budget;
        var onward = SmfTrackParser.Parse(bytes, dataOffset, bytes.Length, track, events, ref spent);
        if (onward.EndOfTrack && (onward.End == bytes.Length || IsChunkAt(bytes, onward.End) || lastDeclared))
        {
            warnings.Add($"track {track}'s chunk length says {length} bytes but its end-of-track comes after {onward.End - dataOffset}; read to its end-of-track");
            return Keep(onward, onward.End, ref budget, spent);
        }

        if (declaredEnd < 0 && !onward.EndOfTrack)
        {
            warnings.Add(onward.CutOff
                ? $"truncated: the file ends inside track {track} (its chunk says {length} bytes, {remaining} remain); read the {events.Count:N0} events before the cut"
                : $"truncated: the file ends inside track {track} (its chunk says {length} bytes, {remaining} remain) and it has no end-of-track");
            return Keep(onward, bytes.Length, ref budget, spent);
        }

        throw new MidiImportException(declaredEnd < 0
            ? $"truncated: chunk at byte {chunk} says {length} bytes but only {remaining} remain"
            : $"damaged track data (track {track}: an event runs past the end of its chunk and no end-of-track follows; wrong chunk length?)");

        int Keep(SmfTrackParser.Result read, int next, ref int budget, int spent)
        {
            budget = spent;
            tracks.Add(events);
            infos.Add(read.Info);
            if (read.RunningStatusAfterMeta)
            {
                warnings.Add($"track {track} keeps running status across meta or sysex events (read as its writer meant)");
            }

            return next;
        }
    }

    private static bool IsChunkAt(ReadOnlySpan<byte> bytes, int position) =>
        position >= 0 && bytes.Length - position >= 8 && IsChunkId(bytes.Slice(position, 4));

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
