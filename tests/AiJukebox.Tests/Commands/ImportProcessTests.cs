using System.Diagnostics;

namespace AiJukebox.Tests.Commands;

/// <summary>Runs the real executable, as CI and scripts do: stderr is a pipe, not a terminal.</summary>
public sealed class ImportProcessTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aijukebox-cli-process-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Import_StderrNotATerminal_NoProgressOnlyBadFileLines()
    {
        var midi = Directory.CreateDirectory(Path.Combine(_root.FullName, "midi"));
        for (var i = 0; i < 30; i++)
        {
            Cli.WriteSong(Path.Combine(midi.FullName, $"{i:D2}.mid"), 40 + i, 50 + i);
        }

        File.WriteAllText(Path.Combine(midi.FullName, "zz.mid"), "not midi");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "aijukebox.dll"), "import", midi.FullName, "-o", Path.Combine(_root.FullName, "notes.json") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal($"{Path.Join(midi.FullName, "zz.mid")}: not a MIDI file (no MThd header)", stderr.TrimEnd());
        Assert.StartsWith("Imported 30 pieces from 30 of 31 files", await stdout);
    }
}
