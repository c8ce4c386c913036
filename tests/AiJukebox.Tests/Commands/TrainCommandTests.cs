using System.Text.Json;

using AiJukebox.Commands;

namespace AiJukebox.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ResumeKeepsTheRunsOwnNetworkAndScheduleUnlessTheUserChangesThem()
    {
        var midi = Path.Combine(_folder, "midi");
        Directory.CreateDirectory(midi);
        Cli.WriteSong(Path.Combine(midi, "a.mid"), [.. Enumerable.Range(0, 120).Select(i => 60 + (i * 5 % 12))]);
        Cli.WriteSong(Path.Combine(midi, "b.mid"), [.. Enumerable.Range(0, 120).Select(i => 55 + (i * 7 % 12))]);
        var (notes, run) = Cli.ImportAndTrain(_folder, midi, "notes.json", "run", "events",
            "--model", "transformer", "--embedding", "32", "--hidden", "48", "--layers", "1", "--heads", "2", "--seq-len", "16", "--epochs", "1", "--patience", "7", "--max-batches", "2");

        // No --model, --preset or --patience: the small preset (an lstm, patience 3) must not creep back in.
        var resumed = Cli.Run(TrainCommand.Create(), "train", "--notes", notes, "-o", run, "--resume", "--epochs", "2", "--max-batches", "2");

        Assert.True(resumed.ExitCode == 0, resumed.Err + resumed.Out);
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "training-state.json")));
        var options = state.RootElement.GetProperty("options");
        Assert.Equal("transformer", options.GetProperty("network").GetProperty("kind").GetString());
        Assert.Equal(7, options.GetProperty("patience").GetInt32());
        Assert.Equal(2, options.GetProperty("epochs").GetInt32());
        Assert.Equal(2, state.RootElement.GetProperty("history").GetArrayLength());
    }
}
