using NAudio.Midi;

namespace AiJukebox.Music;

/// <summary>
/// Reads Standard MIDI Files (formats 0, 1 and 2) into notes measured in beats, so tempo changes
/// never distort the rhythm. NAudio.Midi parses the events; the chunk structure is checked first
/// so every damaged file fails with a <see cref="MidiImportException"/> that says what is wrong.
/// </summary>
/// <remarks>
/// Files with an SMPTE time division (time in frames, not beats) are converted at 120 BPM, the
/// tempo the standard assumes when none is given; their tempo events are ignored.
/// </remarks>
public static class MidiFileImporter
{
    private const int DrumChannel = 9;

    /// <summary>Reads a MIDI file from disk.</summary>
    /// <exception cref="MidiImportException">The file cannot be read or is not a usable MIDI file.</exception>
    public static ImportedMidiFile Read(string path, ImportOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MidiImportException($"cannot read the file ({e.Message})", e);
        }

        return Read(bytes, options);
    }

    /// <summary>Reads a MIDI file from a stream (read to its end).</summary>
    /// <exception cref="MidiImportException">The content is not a usable MIDI file.</exception>
    public static ImportedMidiFile Read(Stream stream, ImportOptions options)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray(), options);
    }

    /// <summary>Reads a MIDI file from its bytes.</summary>
    /// <exception cref="MidiImportException">The bytes are not a usable MIDI file.</exception>
    public static ImportedMidiFile Read(byte[] bytes, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var layout = SmfLayout.Scan(bytes);
        MidiFile file;
        try
        {
            file = new MidiFile(new MemoryStream(layout.Normalize(bytes), writable: false), strictChecking: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The chunks are intact (checked above), so the damage is inside a track's events.
            throw new MidiImportException($"damaged track data ({Describe(e)})", e);
        }

        if (options.Track is { } chosen && (chosen < 0 || chosen >= file.Tracks))
        {
            throw new MidiImportException($"has no track {chosen} (its tracks are 0–{file.Tracks - 1})");
        }

        var tracks = Collect(file, out var infos);
        Func<long, double> toBeats = layout.IsSmpte
            ? tick => tick / (layout.SmpteFramesPerSecond == 29 ? 29.97 : layout.SmpteFramesPerSecond) / layout.SmpteTicksPerFrame * (TempoMap.DefaultBpm / 60)
            : tick => (double)tick / layout.Division;
        var division = layout.IsSmpte
            ? $"SMPTE {(layout.SmpteFramesPerSecond == 29 ? "29.97" : layout.SmpteFramesPerSecond)} fps x {layout.SmpteTicksPerFrame} ticks (read at 120 BPM)"
            : $"{layout.Division} ticks per quarter note";

        var pieces = new List<ImportedPiece>();
        if (file.FileFormat == 2)
        {
            for (var t = 0; t < tracks.Length; t++)
            {
                if (options.Track is { } only && only != t)
                {
                    continue;
                }

                var piece = BuildPiece(tracks[t], t, options, layout.IsSmpte, toBeats);
                if (piece.Notes.Count > 0 || options.Track is not null)
                {
                    pieces.Add(piece);
                }
            }
        }
        else
        {
            var merged = tracks.SelectMany(t => t).OrderBy(e => e.Tick).ThenBy(e => e.Track).ThenBy(e => e.Order).ToList();
            pieces.Add(BuildPiece(merged, options.Track, options, layout.IsSmpte, toBeats));
        }

        return new ImportedMidiFile(file.FileFormat, division, infos, pieces);
    }

    private static List<SmfEvent>[] Collect(MidiFile file, out MidiTrackInfo[] infos)
    {
        var tracks = new List<SmfEvent>[file.Tracks];
        infos = new MidiTrackInfo[file.Tracks];
        for (var t = 0; t < file.Tracks; t++)
        {
            var events = new List<SmfEvent>();
            var name = "";
            var noteCount = 0;
            var channels = new SortedSet<int>();
            var order = 0;
            foreach (var e in file.Events[t])
            {
                var channel = Math.Clamp(e.Channel - 1, 0, 15);
                switch (e)
                {
                    case NoteEvent note when e.CommandCode is MidiCommandCode.NoteOn or MidiCommandCode.NoteOff:
                        var on = e.CommandCode == MidiCommandCode.NoteOn && note.Velocity > 0;
                        if (on)
                        {
                            noteCount++;
                            channels.Add(channel);
                        }

                        events.Add(new SmfEvent(e.AbsoluteTime, t, order++, on ? SmfEventKind.NoteOn : SmfEventKind.NoteOff, channel, note.NoteNumber & 0x7F, note.Velocity));
                        break;
                    case ControlChangeEvent cc when cc.Controller == MidiController.Sustain:
                        events.Add(new SmfEvent(e.AbsoluteTime, t, order++, SmfEventKind.Sustain, channel, cc.ControllerValue, 0));
                        break;
                    case TempoEvent tempo when tempo.MicrosecondsPerQuarterNote > 0:
                        events.Add(new SmfEvent(e.AbsoluteTime, t, order++, SmfEventKind.Tempo, 0, tempo.MicrosecondsPerQuarterNote, 0));
                        break;
                    case TimeSignatureEvent signature:
                        events.Add(new SmfEvent(e.AbsoluteTime, t, order++, SmfEventKind.TimeSignature, 0, signature.Numerator, 1 << Math.Min(signature.Denominator, 6)));
                        break;
                    case TextEvent text when text.MetaEventType == MetaEventType.SequenceTrackName && name.Length == 0:
                        name = text.Text.Trim();
                        break;
                    default:
                        // Any other event still marks time, so the piece's length includes it.
                        events.Add(new SmfEvent(e.AbsoluteTime, t, order++, SmfEventKind.Other, 0, 0, 0));
                        break;
                }
            }

            tracks[t] = events;
            infos[t] = new MidiTrackInfo(t, name, noteCount, channels.ToArray());
        }

        return tracks;
    }

    private static ImportedPiece BuildPiece(List<SmfEvent> events, int? track, ImportOptions options, bool smpte, Func<long, double> toBeats)
    {
        var collector = new NoteCollector(options.Sustain, toBeats);
        var tempos = new List<TempoChange>();
        var signatures = new List<TimeSignatureChange>();
        long end = 0;
        foreach (var e in events)
        {
            end = Math.Max(end, e.Tick);
            switch (e.Kind)
            {
                case SmfEventKind.NoteOn or SmfEventKind.NoteOff:
                    if ((track is null || e.Track == track) && (options.IncludeDrums || e.Channel != DrumChannel))
                    {
                        collector.Add(e);
                    }

                    break;
                case SmfEventKind.Sustain:
                    collector.Add(e);
                    break;
                case SmfEventKind.Tempo when !smpte:
                    AddChange(tempos, new TempoChange(toBeats(e.Tick), Math.Round(60_000_000.0 / e.Data1, 3)), c => c.Beat);
                    break;
                case SmfEventKind.TimeSignature:
                    AddChange(signatures, new TimeSignatureChange(toBeats(e.Tick), e.Data1, e.Data2), c => c.Beat);
                    break;
            }
        }

        collector.Finish(end);
        if (tempos.Count == 0 || tempos[0].Beat > 0)
        {
            tempos.Insert(0, new TempoChange(0, TempoMap.DefaultBpm));
        }

        var notes = collector.Notes
            .OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.Duration).ThenBy(n => n.Velocity).ThenBy(n => n.Channel)
            .ToArray();
        return new ImportedPiece(track, notes, tempos, signatures, toBeats(end));
    }

    /// <summary>Appends a change; a later change at the same beat replaces the earlier one.</summary>
    private static void AddChange<T>(List<T> changes, T change, Func<T, double> beat)
    {
        if (changes.Count > 0 && beat(changes[^1]) == beat(change))
        {
            changes[^1] = change;
        }
        else
        {
            changes.Add(change);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        // The normalized stream ends where the last chunk ends, and NAudio checks each chunk's end.
        EndOfStreamException => "an event runs past the end of its track; wrong chunk length?",
        FormatException when e.Message.StartsWith("Read too far", StringComparison.Ordinal) => "an event runs past the end of its track; wrong chunk length?",
        _ => e.Message.TrimEnd('.'),
    };
}
