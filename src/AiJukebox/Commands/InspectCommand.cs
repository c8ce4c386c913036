using System.CommandLine;

using AiJukebox.Music;

namespace AiJukebox.Commands;

/// <summary><c>aijukebox inspect</c>: a short human summary of a notes file or a MIDI file.</summary>
internal static class InspectCommand
{
    private const int TopTokens = 10;
    private const int MaxListed = 8;

    public static Command Create()
    {
        var path = new Argument<string>("file") { Description = "A notes file (.json) or a MIDI file (.mid)" };
        var command = new Command("inspect", "Summarize a notes file (pieces, tokens, vocabulary, most frequent tokens) or a MIDI file (format, tracks, notes, tempos, length).");
        command.Arguments.Add(path);
        command.SetAction(parse => Run(parse.GetRequiredValue(path), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (IsMidi(path))
            {
                var midi = MidiFileImporter.Read(path, new ImportOptions(IncludeDrums: true));
                foreach (var warning in midi.Warnings)
                {
                    stderr.WriteLine($"{path}: warning: {warning}");
                }

                DescribeMidi(path, midi, stdout);
            }
            else
            {
                DescribeNotes(path, NotesFile.Load(path), stdout);
            }

            return 0;
        }
        catch (MidiImportException e)
        {
            stderr.WriteLine($"{path}: {e.Message}");
        }
        catch (NotesFileException e)
        {
            stderr.WriteLine(e.Message);
        }
        catch (FileNotFoundException)
        {
            stderr.WriteLine($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}: cannot read the file ({e.Message})");
        }

        return 1;
    }

    private static bool IsMidi(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("no such file", path);
        }

        // The content decides, not the name: a .mid renamed .dat is still MIDI.
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("MThd"u8)
            || path.EndsWith(".mid", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".midi", StringComparison.OrdinalIgnoreCase);
    }

    private static void DescribeMidi(string path, ImportedMidiFile file, TextWriter output)
    {
        output.WriteLine($"{path}: MIDI format {file.Format}, {file.Division}, {file.Tracks.Count} tracks");
        foreach (var track in file.Tracks)
        {
            var name = track.Name.Length > 0 ? $" \"{track.Name}\"" : "";
            var channels = track.Channels.Count > 0 ? $" on channel {string.Join(", ", track.Channels.Select(c => c + 1))}" : "";
            output.WriteLine($"  track {track.Index}{name}: {track.NoteCount} notes{channels}");
        }

        foreach (var piece in file.Pieces)
        {
            var label = file.Pieces.Count > 1 ? $"track {piece.Track}: " : "";
            var tempos = new TempoMap(piece.Tempos);
            var seconds = tempos.ToSeconds(piece.LengthBeats);
            output.WriteLine($"{label}notes: {piece.Notes.Count} (pitches {Range(piece.Notes.Select(n => n.Pitch))})");
            output.WriteLine($"{label}tempo: {List(tempos.Changes.Select(t => $"{t.Bpm:0.##} BPM at beat {t.Beat:0.##}"))}");
            if (piece.TimeSignatures.Count > 0)
            {
                output.WriteLine($"{label}time signature: {List(piece.TimeSignatures.Select(t => $"{t.Numerator}/{t.Denominator} at beat {t.Beat:0.##}"))}");
            }

            output.WriteLine($"{label}length: {piece.LengthBeats:0.##} beats, {TimeSpan.FromSeconds(seconds):m\\:ss\\.f} ({seconds:0.0} s)");
        }
    }

    private static void DescribeNotes(string path, NotesFile notes, TextWriter output)
    {
        var settings = string.Join(", ", notes.Settings.Select(s => $"{s.Key}={s.Value}"));
        output.WriteLine($"{path}: notes file version {NotesFile.FormatVersion}, tokenizer {notes.Tokenizer} ({settings})");
        output.WriteLine($"vocabulary: {notes.Vocabulary.Count} tokens (hash {notes.Vocabulary.Hash[..12]})");
        var lengths = notes.Pieces.Select(p => p.Tokens.Length).Order().ToArray();
        var perPiece = lengths.Length == 0 ? "" : $" (per piece: min {lengths[0]}, median {lengths[lengths.Length / 2]}, max {lengths[^1]})";
        output.WriteLine($"pieces: {notes.Pieces.Count}, tokens: {notes.TokenCount}{perPiece}");

        var counts = new long[notes.Vocabulary.Count];
        foreach (var token in notes.Pieces.SelectMany(p => p.Tokens))
        {
            counts[token]++;
        }

        var total = Math.Max(1, notes.TokenCount);
        output.WriteLine($"most frequent tokens (of {counts.Count(c => c > 0)} used):");
        foreach (var (id, count) in counts.Select((c, i) => (i, c)).Where(x => x.c > 0).OrderByDescending(x => x.c).ThenBy(x => x.i).Take(TopTokens))
        {
            output.WriteLine($"  {notes.Vocabulary[id],-16} {count,10} {100.0 * count / total,6:0.0}%");
        }
    }

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "none" : $"{PitchNames.ToName(list.Min())}–{PitchNames.ToName(list.Max())}";
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        var shown = string.Join("; ", all.Take(MaxListed));
        return all.Count > MaxListed ? $"{shown}; … {all.Count - MaxListed} more" : shown;
    }
}
