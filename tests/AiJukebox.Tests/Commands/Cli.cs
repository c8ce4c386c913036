using System.CommandLine;

using AiJukebox.Commands;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

/// <summary>Runs a verb in process with captured output, and makes small MIDI files for it.</summary>
internal static class Cli
{
    public static (int ExitCode, string Out, string Err) Run(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static void WriteSong(string path, params int[] pitches) =>
        MidiFileWriter.Save(path, new MidiSong(
            [new TempoChange(0, 90)],
            [new MidiTrackNotes("piano", 0, 0, pitches.Select((p, i) => new Note(i * 0.5, 0.5, p, 80)).ToArray())]));

    /// <summary>
    /// Imports <paramref name="midi"/> into <c>notesName</c> and trains a tiny network on it
    /// (small preset, one LibTorch thread, seed 1; <paramref name="trainOptions"/> override).
    /// </summary>
    public static (string Notes, string Run) ImportAndTrain(string folder, string midi, string notesName, string runName, string tokenizer, params string[] trainOptions)
    {
        var notes = Path.Combine(folder, notesName);
        var run = Path.Combine(folder, runName);
        var import = Run(ImportCommand.Create(), "import", midi, "-o", notes, "--tokenizer", tokenizer, "--quiet");
        Assert.True(import.ExitCode == 0, import.Err);
        string[] train = ["train", "--notes", notes, "-o", run, "--preset", "small", "--threads", "1", "--seed", "1", .. trainOptions];
        var trained = Run(TrainCommand.Create(), train);
        Assert.True(trained.ExitCode == 0, trained.Err + trained.Out);
        return (notes, run);
    }
}
