using System.CommandLine;
using System.Diagnostics;

using AiJukebox.Music;

namespace AiJukebox.Commands;

/// <summary><c>aijukebox import</c>: MIDI files and folders → a notes file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "MIDI files, or folders searched recursively for .mid/.midi files",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "The notes file to write (JSON)", Required = true };
        var tokenizer = new Option<string>("--tokenizer", "-t")
        {
            Description = "events (fixed vocabulary, notes with timing), remi (the same with bars, positions and time signatures) or chords (the original project's symbols)",
            DefaultValueFactory = _ => EventsTokenizer.TokenizerName,
        };
        tokenizer.AcceptOnlyFromAmong([.. TokenizerFactory.Names]);
        var chordOctaves = new Option<bool>("--chord-octaves") { Description = "chords: keep the octaves of chord notes (C4.E4.G4 instead of 0.4.7)" };
        var includeDrums = new Option<bool>("--include-drums") { Description = "Keep notes on channel 10 (General MIDI drums)" };
        var noSustain = new Option<bool>("--no-sustain") { Description = "Ignore the sustain pedal (CC64) instead of extending held notes" };
        var noBeatAnnotations = new Option<bool>("--no-beat-annotations") { Description = $"Keep each file's own time signatures even where a {BeatAnnotations.FileName} (POP909's beat annotations) lies beside it" };
        var track = new Option<int?>("--track") { Description = "Import only this track (0-based, as 'aijukebox inspect' lists them) instead of merging all" };
        track.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError("--track must be 0 or more.");
            }
        });
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files read in parallel (the output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        jobs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--jobs must be 1 or more.");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };

        var command = new Command("import", "Turn MIDI files into a notes file (the tokenized corpus that training reads). Exit code 0 when at least one piece was imported, 1 otherwise.");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { output, tokenizer, chordOctaves, includeDrums, noSustain, noBeatAnnotations, track, jobs, quiet })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(r =>
        {
            if (r.GetValue(chordOctaves) && r.GetValue(tokenizer) != ChordsTokenizer.TokenizerName)
            {
                r.AddError("--chord-octaves applies to --tokenizer chords only.");
            }
        });

        command.SetAction(parse =>
        {
            var options = new CorpusImportOptions(
                parse.GetRequiredValue(tokenizer),
                parse.GetValue(chordOctaves),
                new ImportOptions(parse.GetValue(includeDrums), !parse.GetValue(noSustain), parse.GetValue(track)),
                parse.GetValue(jobs),
                !parse.GetValue(noBeatAnnotations));
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var showProgress = !parse.GetValue(quiet) && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            return Run(parse.GetRequiredValue(inputs), parse.GetRequiredValue(output), options, stdout, stderr, showProgress);
        });
        return command;
    }

    private static int Run(string[] inputs, string output, CorpusImportOptions options, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        var clock = Stopwatch.StartNew();
        var progress = showProgress ? new ProgressLine(stderr, clock) : null;
        var result = CorpusImporter.Import(inputs, options, progress);
        progress?.Clear();

        foreach (var warning in result.Warnings)
        {
            stderr.WriteLine(warning.ToString());
        }

        foreach (var skipped in result.Skipped)
        {
            stderr.WriteLine(skipped.ToString());
        }

        if (result.Notes is not { } notes)
        {
            stderr.WriteLine(result.FilesFound == 0
                ? $"error: no .mid or .midi files found in {string.Join(", ", inputs)}; nothing written."
                : $"error: none of the {result.FilesFound} MIDI files could be imported (reasons above); nothing written.");
            return 1;
        }

        try
        {
            notes.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {output} ({e.Message}); check the folder exists and is writable.");
            return 1;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        stdout.WriteLine(
            $"Imported {notes.Pieces.Count} pieces from {result.FilesImported} of {result.FilesFound} files: " +
            $"{notes.TokenCount} tokens, vocabulary {notes.Vocabulary.Count} ({notes.Tokenizer}), {result.Skipped.Count} skipped" +
            (result.Warnings.Count > 0 ? $", {result.Warnings.Count} warning{(result.Warnings.Count == 1 ? "" : "s")} (read leniently, above)" : "") +
            (result.FilesWithBeatAnnotations > 0 ? $", bars of {result.FilesWithBeatAnnotations} from {BeatAnnotations.FileName}" : "") + "; " +
            $"{seconds:0.0} s, {result.FilesFound / Math.Max(seconds, 1e-3):0} files/s -> {output}");
        return 0;
    }

    /// <summary>Progress on one terminal line, at most ten updates a second.</summary>
    private sealed class ProgressLine(TextWriter writer, Stopwatch clock) : IProgress<CorpusImportProgress>
    {
        private readonly Lock _lock = new();
        private long _lastTicks = -1;

        public void Report(CorpusImportProgress value)
        {
            lock (_lock)
            {
                var now = clock.ElapsedTicks;
                if (value.Done < value.Total && _lastTicks >= 0 && now - _lastTicks < Stopwatch.Frequency / 10)
                {
                    return;
                }

                _lastTicks = now;
                var rate = value.Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                writer.Write($"\r{value.Done}/{value.Total} files, {rate:0} files/s   ");
                writer.Flush();
            }
        }

        public void Clear()
        {
            writer.Write("\r" + new string(' ', 60) + "\r");
            writer.Flush();
        }
    }
}
