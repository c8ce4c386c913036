using System.Diagnostics;

namespace AiJukebox.Tests.Ui;

/// <summary>Without a verb and without a terminal (a pipe, CI) the program explains itself instead of drawing a UI.</summary>
public sealed class NoTerminalTests
{
    [Fact]
    public async Task NoVerb_StdoutIsAPipe_PrintsAHintAndTheHelp()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aijukebox.dll"));

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("aijukebox: the terminal UI needs a terminal", stdout);
        Assert.Contains("Usage:", stdout);
        Assert.Contains("generate", stdout);
    }
}
