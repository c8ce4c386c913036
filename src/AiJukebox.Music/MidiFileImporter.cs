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
    /// <summary>The largest file read (64 MiB); the biggest real piano and pop files are a few MB.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The most events a file may hold.</summary>
    public const int MaxEvents = 4_000_000;

    /// <summary>The longest piece (in beats, 14 hours at 120 BPM): longer means damaged delta times.</summary>
    public const double MaxBeats = 100_000;

    private const int DrumChannel = 9;

    /// <summary>Reads a MIDI file from disk.</summary>
    /// <exception cref="MidiImportException">The file cannot be read or is not a usable MIDI file.</exception>
    public static ImportedMidiFile Read(string path, ImportOptions options)
    {
        byte[] bytes;
        try
        {
            CheckSize(new FileInfo(path).Length);
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
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            CheckSize(copy.Length + read);
            copy.Write(buffer, 0, read);
        }

        return Read(copy.ToArray(), options);
    }

    /// <summary>Reads a MIDI file from its bytes.</summary>
    /// <exception cref="MidiImportException">The bytes are not a usable MIDI file.</exception>
    public static ImportedMidiFile Read(byte[] bytes, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        CheckSize(bytes.LongLength);
        var file = SmfFile.Read(bytes);
        if (options.Track is { } chosen && (chosen < 0 || chosen >= file.Tracks.Count))
        {
            throw new MidiImportException($"has no track {chosen} (its tracks are 0–{file.Tracks.Count - 1})");
        }

        var fps = file.SmpteFramesPerSecond == 29 ? 29.97 : file.SmpteFramesPerSecond;
        Func<long, double> toBeats = file.IsSmpte
            ? tick => tick / fps / file.SmpteTicksPerFrame * (TempoMap.DefaultBpm / 60)
            : tick => (double)tick / file.Division;
        var division = file.IsSmpte
            ? $"SMPTE {(file.SmpteFramesPerSecond == 29 ? "29.97" : file.SmpteFramesPerSecond)} fps x {file.SmpteTicksPerFrame} ticks (read at 120 BPM)"
            : $"{file.Division} ticks per quarter note";

        var pieces = new List<ImportedPiece>();
        if (file.Format == 2)
        {
            for (var t = 0; t < file.Tracks.Count; t++)
            {
                if (options.Track is { } only && only != t)
                {
                    continue;
                }

                var piece = BuildPiece(file.Tracks[t], t, options, file.IsSmpte, toBeats);
                if (piece.Notes.Count > 0 || options.Track is not null)
                {
                    pieces.Add(piece);
                }
            }
        }
        else
        {
            var merged = file.Tracks.SelectMany(t => t).OrderBy(e => e.Tick).ThenBy(e => e.Track).ThenBy(e => e.Order).ToList();
            pieces.Add(BuildPiece(merged, options.Track, options, file.IsSmpte, toBeats));
        }

        return new ImportedMidiFile(file.Format, division, file.Infos, pieces) { Warnings = file.Warnings };
    }

    private static void CheckSize(long bytes)
    {
        if (bytes > MaxFileBytes)
        {
            throw new MidiImportException($"{bytes / (1 << 20):N0} MiB, over the {MaxFileBytes / (1 << 20)} MiB this importer reads (MIDI files of real pieces are far smaller)");
        }
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

        if (toBeats(end) > MaxBeats)
        {
            throw new MidiImportException($"lasts {toBeats(end):N0} beats, over the {MaxBeats:N0} a piece may last (damaged delta times?)");
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
}
