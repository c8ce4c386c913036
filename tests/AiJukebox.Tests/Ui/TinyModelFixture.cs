using AiJukebox.Commands;
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

        Notes = Path.Combine(Folder, "notes.json");
        Run = Path.Combine(Folder, "tiny");
        var import = Cli.Run(ImportCommand.Create(), "import", midi, "-o", Notes, "--quiet");
        Assert.True(import.ExitCode == 0, import.Err);
        var train = Cli.Run(TrainCommand.Create(), "train", "--notes", Notes, "-o", Run, "--preset", "small", "--epochs", "1", "--hidden", "16", "--embedding", "8", "--layers", "1", "--seq-len", "16", "--threads", "1", "--seed", "1");
        Assert.True(train.ExitCode == 0, train.Err + train.Out);

        Home = Path.Combine(Folder, "home");
        Directory.CreateDirectory(Path.Combine(Home, "config"));
        File.WriteAllText(
            Path.Combine(Home, "config", "jukebox.json"),
            System.Text.Json.JsonSerializer.Serialize(new { defaultModel = Path.Combine(Run, "model.json"), defaultNotes = Notes }));
    }

    public string Folder { get; }

    public string Notes { get; }

    /// <summary>The run folder; its name ("tiny") is the model's display name.</summary>
    public string Run { get; }

    /// <summary>An AIJUKEBOX_HOME with config/jukebox.json pointing at the tiny model.</summary>
    public string Home { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
