using AiJukebox.Tests.Commands;

namespace AiJukebox.Tests.Ui;

/// <summary>
/// A notes file and a tiny lstm trained on it in a few seconds, plus an AIJUKEBOX_HOME whose
/// config/jukebox.json names them as the defaults (what `aijukebox` with no arguments opens).
/// </summary>
public sealed class TinyModelFixture : IDisposable
{
    public TinyModelFixture()
    {
        Folder = Directory.CreateTempSubdirectory("aijukebox-ui-model-").FullName;
        var midi = Path.Combine(Folder, "midi");
        Directory.CreateDirectory(midi);
        var random = new Random(7);
        for (var i = 0; i < 6; i++)
        {
            Cli.WriteSong(Path.Combine(midi, $"song{i}.mid"), [.. Enumerable.Range(0, 48).Select(_ => 48 + random.Next(24))]);
        }

        (Notes, Run) = Cli.ImportAndTrain(Folder, midi, "notes.json", "tiny", "events", "--epochs", "1", "--hidden", "16", "--embedding", "8", "--layers", "1", "--seq-len", "16");

        Home = Path.Combine(Folder, "home");
        Directory.CreateDirectory(Path.Combine(Home, "config"));
        File.WriteAllText(
            Path.Combine(Home, "config", "jukebox.json"),
            System.Text.Json.JsonSerializer.Serialize(new { defaultModel = Path.Combine(Run, "model.json"), defaultNotes = Notes, live = new { key = "C:major" } }));
    }

    public string Folder { get; }

    public string Notes { get; }

    /// <summary>The run folder; its name ("tiny") is the model's display name.</summary>
    public string Run { get; }

    /// <summary>An AIJUKEBOX_HOME with config/jukebox.json pointing at the tiny model.</summary>
    public string Home { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
