using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

/// <summary>
/// A tiny lstm on the events tokenizer, trained once for the play tests (seconds on a CPU) on
/// songs of sixteenth notes, enough epochs that it plays them: the density the timing is measured at.
/// </summary>
public sealed class TinyLiveModel : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-live-model-").FullName;

    public TinyLiveModel()
    {
        var midi = Path.Combine(_folder, "midi");
        Directory.CreateDirectory(midi);
        var random = new Random(7);
        for (var i = 0; i < 6; i++)
        {
            var pitches = Enumerable.Range(0, 64).Select(_ => 55 + random.Next(20));
            MidiFileWriter.Save(Path.Combine(midi, $"song{i}.mid"), new MidiSong(
                [new TempoChange(0, 120)],
                [new MidiTrackNotes("piano", 0, 0, [.. pitches.Select((p, n) => new Note(n * 0.25, 0.25, p, 80))])]));
        }

        (Notes, Run) = Cli.ImportAndTrain(_folder, midi, "notes.json", "run", "events", "--model", "lstm", "--epochs", "40", "--hidden", "32", "--embedding", "16", "--layers", "1", "--seq-len", "32");
    }

    public string Notes { get; }

    public string Run { get; }

    public string Folder => _folder;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
