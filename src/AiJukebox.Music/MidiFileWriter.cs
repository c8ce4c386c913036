using System.Buffers.Binary;
using System.Text;

namespace AiJukebox.Music;

/// <summary>
/// Writes a <see cref="MidiSong"/> as a type-1 Standard MIDI File: track 0 holds the tempo map,
/// then one named track per <see cref="MidiTrackNotes"/>. Every note-on has its note-off.
/// </summary>
/// <remarks>
/// Receivers switch a key off by pitch, not by note, so when two notes on one key overlap in a
/// track the earlier one is ended where the later one starts; duplicates at the same tick are
/// merged, and every note lasts at least one tick. At equal ticks note-offs come before note-ons.
/// </remarks>
public static class MidiFileWriter
{
    private const int MaxTempoMicroseconds = 0xFFFFFF;

    /// <summary>Writes the song to <paramref name="path"/> atomically (readers never see a partial file).</summary>
    /// <exception cref="ArgumentException">The song holds a value MIDI cannot express (pitch, channel, program, negative time).</exception>
    public static void Save(string path, MidiSong song)
    {
        Validate(song);
        AtomicFile.Write(path, stream => Write(stream, song));
    }

    /// <summary>Writes the song to a stream (which need not be seekable).</summary>
    /// <exception cref="ArgumentException">The song holds a value MIDI cannot express (pitch, channel, program, negative time).</exception>
    public static void Write(Stream stream, MidiSong song)
    {
        Validate(song);
        var header = new byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(song.Tracks.Count + 1));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), (ushort)song.TicksPerQuarter);
        stream.Write(header);
        WriteChunk(stream, TempoTrack(song));
        foreach (var track in song.Tracks)
        {
            WriteChunk(stream, NoteTrack(track, song.TicksPerQuarter));
        }
    }

    private static void Validate(MidiSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (song.TicksPerQuarter is < 1 or > 0x7FFF)
        {
            throw new ArgumentException($"TicksPerQuarter {song.TicksPerQuarter} is outside 1–32767.", nameof(song));
        }

        if (song.Tracks.Count > 0xFFFE)
        {
            throw new ArgumentException($"{song.Tracks.Count} tracks is more than a MIDI file can hold.", nameof(song));
        }

        foreach (var tempo in song.Tempos)
        {
            if (!double.IsFinite(tempo.Bpm) || tempo.Bpm <= 0 || !double.IsFinite(tempo.Beat) || tempo.Beat < 0)
            {
                throw new ArgumentException($"Tempo {tempo.Bpm} BPM at beat {tempo.Beat} cannot be written.", nameof(song));
            }
        }

        foreach (var track in song.Tracks)
        {
            if (track.Channel is < 0 or > 15)
            {
                throw new ArgumentException($"Track '{track.Name}': channel {track.Channel} is outside 0–15.", nameof(song));
            }

            if (track.Program is < 0 or > 127)
            {
                throw new ArgumentException($"Track '{track.Name}': program {track.Program} is outside 0–127.", nameof(song));
            }

            foreach (var note in track.Notes)
            {
                if (note.Pitch is < 0 or > 127 || !double.IsFinite(note.Start) || note.Start < 0 || !double.IsFinite(note.Duration) || note.Duration < 0)
                {
                    throw new ArgumentException($"Track '{track.Name}': note {note} cannot be written (pitch 0–127, start and duration at least 0).", nameof(song));
                }
            }
        }
    }

    private static byte[] TempoTrack(MidiSong song)
    {
        var events = new List<(long Tick, int Rank, byte[] Bytes)>();
        var tempos = song.Tempos.Count == 0 ? [new TempoChange(0, TempoMap.DefaultBpm)] : song.Tempos.OrderBy(t => t.Beat).ToList();
        foreach (var tempo in tempos)
        {
            var micros = (int)Math.Clamp(Math.Round(60_000_000 / tempo.Bpm), 1, MaxTempoMicroseconds);
            events.Add((ToTicks(tempo.Beat, song.TicksPerQuarter), 0, [0xFF, 0x51, 0x03, (byte)(micros >> 16), (byte)(micros >> 8), (byte)micros]));
        }

        return Encode(events);
    }

    private static byte[] NoteTrack(MidiTrackNotes track, int ticksPerQuarter)
    {
        var name = Encoding.UTF8.GetBytes(track.Name);
        var events = new List<(long Tick, int Rank, byte[] Bytes)> { (0, 0, [0xFF, 0x03, .. VariableLength(name.Length), .. name]) };
        if (track.Program is { } program)
        {
            events.Add((0, 1, [(byte)(0xC0 | track.Channel), (byte)program]));
        }

        foreach (var group in track.Notes.GroupBy(n => n.Pitch))
        {
            var notes = group
                .Select(n => (Start: ToTicks(n.Start, ticksPerQuarter), End: ToTicks(n.End, ticksPerQuarter), n.Velocity))
                .OrderBy(n => n.Start).ThenByDescending(n => n.End)
                .ToList();
            for (var i = 0; i < notes.Count; i++)
            {
                var (start, end, velocity) = notes[i];
                while (i + 1 < notes.Count && notes[i + 1].Start == start)
                {
                    i++; // same key struck twice at once: one note, the longest (sorted first)
                }

                if (i + 1 < notes.Count)
                {
                    end = Math.Min(end, notes[i + 1].Start);
                }

                end = Math.Max(end, start + 1);
                var status = (byte)track.Channel;
                events.Add((start, 3, [(byte)(0x90 | status), (byte)group.Key, (byte)Math.Clamp(velocity, 1, 127)]));
                events.Add((end, 2, [(byte)(0x80 | status), (byte)group.Key, 0x40]));
            }
        }

        return Encode(events);
    }

    private static byte[] Encode(List<(long Tick, int Rank, byte[] Bytes)> events)
    {
        var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Tick).ThenBy(x => x.e.Rank).ThenBy(x => x.i).Select(x => x.e);
        using var data = new MemoryStream();
        long now = 0;
        foreach (var (tick, _, bytes) in ordered)
        {
            data.Write(VariableLength(tick - now));
            data.Write(bytes);
            now = tick;
        }

        data.Write([0x00, 0xFF, 0x2F, 0x00]);
        return data.ToArray();
    }

    private static void WriteChunk(Stream stream, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        "MTrk"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)data.Length);
        stream.Write(header);
        stream.Write(data);
    }

    private static long ToTicks(double beats, int ticksPerQuarter) => (long)Math.Round(beats * ticksPerQuarter, MidpointRounding.AwayFromZero);

    internal static byte[] VariableLength(long value)
    {
        if (value is < 0 or > 0x0FFFFFFF)
        {
            throw new ArgumentException($"Time {value} ticks cannot be written as a MIDI delta time (at most 2^28-1).", nameof(value));
        }

        Span<byte> buffer = stackalloc byte[4];
        var count = 0;
        do
        {
            buffer[count++] = (byte)(value & 0x7F);
            value >>= 7;
        }
        while (value > 0);

        var result = new byte[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (byte)(buffer[count - 1 - i] | (i < count - 1 ? 0x80 : 0));
        }

        return result;
    }
}
