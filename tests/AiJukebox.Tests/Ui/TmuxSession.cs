using System.Diagnostics;

namespace AiJukebox.Tests.Ui;

/// <summary>
/// The real aijukebox binary in a detached tmux session on a private tmux server (its own socket),
/// driven as a person would: keys in with send-keys, the screen out with capture-pane.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socket = $"aijb-ui-{Environment.ProcessId}-{Guid.NewGuid():N}"[..28];
    private readonly string _exitFile;

    /// <summary>Starts aijukebox with <paramref name="args"/> in <paramref name="folder"/> (its working directory).</summary>
    public TmuxSession(string folder, IReadOnlyDictionary<string, string> environment, int width = 80, int height = 24, params string[] args)
    {
        _exitFile = Path.Combine(folder, $"exit-{Guid.NewGuid():N}.txt");
        var dll = Path.Combine(AppContext.BaseDirectory, "aijukebox.dll");
        var variables = string.Join(' ', environment.Select(v => $"{v.Key}={Quote(v.Value)}"));
        var command = $"env {variables} TERM=xterm-256color dotnet {Quote(dll)} {string.Join(' ', args.Select(Quote))}; echo $? > {Quote(_exitFile)}";
        Tmux("new-session", "-d", "-s", "ui", "-c", folder, "-x", width.ToString(), "-y", height.ToString(), "sh", "-c", command);
    }

    /// <summary>The program's exit code once it has ended, else null.</summary>
    public int? ExitCode => File.Exists(_exitFile) && File.ReadAllText(_exitFile).Trim() is { Length: > 0 } text ? int.Parse(text) : null;

    /// <summary>Presses keys by tmux name (F5, Tab, q, Space, C-a...).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "ui", .. keys]);

    /// <summary>Types text literally.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", "ui", "-l", text);

    /// <summary>The visible screen as text.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-t", "ui");

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen.</summary>
    public string WaitFor(Func<string, bool> condition, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        var screen = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            screen = ExitCode is null ? Screen() : screen;
            if (condition(screen))
            {
                return screen;
            }

            if (ExitCode is { } code)
            {
                Assert.Fail($"aijukebox exited ({code}) while waiting for {what}. Last screen:\n{screen}");
            }

            Thread.Sleep(200);
        }

        Assert.Fail($"Timed out after {seconds} s waiting for {what}. Screen:\n{screen}");
        return screen;
    }

    /// <summary>Waits for the screen to show <paramref name="text"/>.</summary>
    public string WaitFor(string text, int seconds = 60) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", seconds);

    /// <summary>Waits for the program to end and returns its exit code.</summary>
    public int WaitForExit(int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (ExitCode is { } code)
            {
                return code;
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"aijukebox did not exit within {seconds} s. Screen:\n{Screen()}");
        return -1;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server ends by itself when its last session does.
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start; tests/run.sh installs it.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error.Result}");
        }

        return output;
    }
}
