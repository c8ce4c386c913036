using System.CommandLine;

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
}
