using System.Security.Cryptography;

namespace AiJukebox.Music;

/// <summary>
/// Turns files and folders of MIDI files into a notes file. Files are read in parallel, but the
/// result is put together in path order (ordinal), so the same inputs always give the same bytes.
/// A file that cannot be read is skipped with a reason and never stops the import.
/// </summary>
public static class CorpusImporter
{
    /// <summary>Finds .mid and .midi files (any case) in the inputs, recursing into folders, sorted by relative path.</summary>
    /// <param name="inputs">Files and folders.</param>
    /// <param name="missing">Receives inputs that do not exist.</param>
    public static IReadOnlyList<MidiSource> FindFiles(IEnumerable<string> inputs, ICollection<SkippedFile> missing)
    {
        var found = new Dictionary<string, MidiSource>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0 };
                foreach (var file in Directory.EnumerateFiles(root, "*", options))
                {
                    if (IsMidi(file))
                    {
                        var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                        found.TryAdd(file, new MidiSource(file, relative, Path.Join(input, relative)));
                    }
                }
            }
            else if (File.Exists(input))
            {
                var full = Path.GetFullPath(input);
                found.TryAdd(full, new MidiSource(full, Path.GetFileName(full), input));
            }
            else
            {
                missing.Add(new SkippedFile(input, "no such file or folder"));
            }
        }

        return found.Values
            .OrderBy(s => s.RelativePath, StringComparer.Ordinal)
            .ThenBy(s => s.FullPath, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Imports the inputs into a notes file (not saved; the caller decides where).</summary>
    /// <exception cref="ArgumentException">The tokenizer name is unknown.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CorpusImportResult Import(IReadOnlyList<string> inputs, CorpusImportOptions options, IProgress<CorpusImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (!TokenizerFactory.Names.Contains(options.Tokenizer))
        {
            throw new ArgumentException($"Unknown tokenizer '{options.Tokenizer}' (known: {string.Join(", ", TokenizerFactory.Names)}).", nameof(options));
        }

        var skipped = new List<SkippedFile>();
        var sources = FindFiles(inputs, skipped);
        var midi = options.Midi ?? ImportOptions.Default;
        var chords = options.Tokenizer == ChordsTokenizer.TokenizerName;
        ITokenizer? fixedVocabulary = chords ? null : TokenizerFactory.Create(options.Tokenizer, new Dictionary<string, string>());

        // Each slot belongs to one file, so the parallel loop needs no locks and the order is the sorted one.
        var results = new FileResult[sources.Count];
        var done = 0;
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation }, i =>
        {
            results[i] = ReadOne(sources[i], midi, fixedVocabulary, options.ChordOctaves, options.BeatAnnotations);
            progress?.Report(new CorpusImportProgress(Interlocked.Increment(ref done), sources.Count));
        });

        var pieces = new List<(string Path, string Sha, int[]? Tokens, IReadOnlyList<string>? Symbols)>();
        var warnings = new List<ImportWarning>();
        var imported = 0;
        var annotated = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                skipped.Add(new SkippedFile(sources[i].DisplayPath, error));
            }
            else
            {
                imported++;
                warnings.AddRange(results[i].Warnings.Select(w => new ImportWarning(sources[i].DisplayPath, w)));
                annotated += results[i].BarsFromAnnotations ? 1 : 0;
                pieces.AddRange(results[i].Pieces!.Select(p => (p.Path, results[i].Sha256!, p.Tokens, p.Symbols)));
            }
        }

        ITokenizer tokenizer = chords ? ChordsTokenizer.ForCorpus(pieces.Select(p => p.Symbols!), options.ChordOctaves) : fixedVocabulary!;
        var notesPieces = pieces
            .Select(p => new NotesFilePiece(p.Path, p.Sha, p.Tokens ?? p.Symbols!.Select(tokenizer.Vocabulary.IdOf).ToArray()))
            .ToArray();
        var notes = notesPieces.Length == 0 ? null : new NotesFile(tokenizer.Name, tokenizer.Settings, tokenizer.Vocabulary, notesPieces);
        return new CorpusImportResult(notes, sources.Count, imported, skipped, annotated) { Warnings = warnings };
    }

    private static bool IsMidi(string path) =>
        path.EndsWith(".mid", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".midi", StringComparison.OrdinalIgnoreCase);

    private static FileResult ReadOne(MidiSource source, ImportOptions midi, ITokenizer? fixedVocabulary, bool chordOctaves, bool useAnnotations)
    {
        try
        {
            var bytes = File.ReadAllBytes(source.FullPath);
            var file = MidiFileImporter.Read(bytes, midi);
            var annotations = useAnnotations ? BeatAnnotations.FindBeside(source.FullPath) : null;
            var pieces = new List<(string, int[]?, IReadOnlyList<string>?)>();
            var fromAnnotations = false;
            foreach (var original in file.Pieces.Where(p => p.Notes.Count > 0))
            {
                var piece = original;
                if (annotations is not null)
                {
                    var meter = ReadAnnotatedMeter(annotations, piece);
                    if (meter.Count > 0)
                    {
                        piece = BeatAnnotations.AlignToBars(piece, meter[0]);
                        fromAnnotations = true;
                    }
                }

                var path = file.Format == 2 ? $"{source.RelativePath}#track {piece.Track}" : source.RelativePath;
                pieces.Add(fixedVocabulary is not null
                    ? (path, fixedVocabulary.Encode(piece.Notes, piece.TimeSignatures), null)
                    : (path, null, ChordsTokenizer.ToSymbols(piece.Notes, chordOctaves)));
            }

            if (pieces.Count == 0)
            {
                return new FileResult(NoNotesReason(file, midi), null, null);
            }

            return new FileResult(null, Convert.ToHexStringLower(SHA256.HashData(bytes)), pieces, fromAnnotations) { Warnings = file.Warnings };
        }
        catch (MidiImportException e)
        {
            return new FileResult(e.Message, null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileResult($"cannot read the file ({e.Message})", null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A reader bug on one strange file must not stop the import of the others.
            return new FileResult($"unexpected error ({e.GetType().Name}: {e.Message})", null, null);
        }
    }

    private static string NoNotesReason(ImportedMidiFile file, ImportOptions midi)
    {
        var tracks = midi.Track is { } t ? file.Tracks.Where(x => x.Index == t) : file.Tracks;
        var onlyDrums = tracks.Any(x => x.NoteCount > 0) && tracks.All(x => x.NoteCount == 0 || x.Channels.SequenceEqual([9]));
        return (midi.Track, onlyDrums && !midi.IncludeDrums) switch
        {
            (_, true) => "only drum notes (channel 10); add --include-drums to import them",
            (int track, _) => $"track {track} has no notes",
            _ => "no notes",
        };
    }

    private static IReadOnlyList<TimeSignatureChange> ReadAnnotatedMeter(string path, ImportedPiece piece)
    {
        try
        {
            return BeatAnnotations.ReadMeter(File.ReadAllText(path), new TempoMap(piece.Tempos));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            // Reported as the file's reason for being skipped: its bars would be wrong without it.
            throw new MidiImportException($"{BeatAnnotations.FileName} beside it is not readable ({e.Message}); fix or remove it, or import with --no-beat-annotations");
        }
    }

    private sealed record FileResult(string? Error, string? Sha256, List<(string Path, int[]? Tokens, IReadOnlyList<string>? Symbols)>? Pieces, bool BarsFromAnnotations = false)
    {
        public IReadOnlyList<string> Warnings { get; init; } = [];
    }
}
