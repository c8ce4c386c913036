using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>
/// A private JACK server (dummy backend, 48 kHz, 64-frame period unless told) for the device tests, under a
/// unique server name so parallel test runs and other people's servers never collide. libjack reads
/// JACK_DEFAULT_SERVER from the native environment, which .NET's Environment does not write, so the
/// variable is set with libc's setenv as well.
/// </summary>
public sealed partial class JackServerFixture : IDisposable
{
    private const int Sigterm = 15;
    private readonly Process _server;
    private readonly List<string> _log = [];

    public JackServerFixture()
        : this(64)
    {
    }

    /// <summary>A server with a <paramref name="period"/>-frame period, made this process's default server (restore the shared one when done).</summary>
    internal JackServerFixture(int period)
    {
        ServerName = $"aijb-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
        SetEnvironment("JACK_DEFAULT_SERVER", ServerName);
        SetEnvironment("JACK_NO_START_SERVER", "1");

        // jackd runs under a small shell watchdog that stops it when this test process is gone, so a
        // crashed test run does not leave a server behind.
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "-c",
            "jackd \"$@\" & j=$!; trap 'kill $j; wait $j; exit' TERM; "
                + $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $j 2>/dev/null; do sleep 0.5; done; kill $j 2>/dev/null; wait $j",
            "jackd-watchdog",
            "--no-realtime", "--sync", "-n", ServerName, "-d", "dummy", "-r", "48000", "-p", period.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("jackd did not start");
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"jackd exited with {_server.ExitCode}; is jackd2 installed (tests/run.sh installs it)?");
            }

            if (Run("jack_lsp").ExitCode == 0)
            {
                break;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("jackd did not come up within 30 s");
            }

            Thread.Sleep(100);
        }
    }

    public string ServerName { get; }

    /// <summary>The server's last lines of output, for failure messages.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log.TakeLast(20));
            }
        }
    }

    /// <summary>Sets a variable for libjack in this process (native) and for child processes (.NET's copy).</summary>
    public static void SetEnvironment(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (value is null)
        {
            _ = UnsetEnv(name);
        }
        else
        {
            _ = SetEnv(name, value, 1);
        }
    }

    /// <summary>Starts a JACK tool (jack_midi_dump, jack_midiseq...) against this server.</summary>
    public Process Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JACK_DEFAULT_SERVER"] = ServerName;
        start.Environment["JACK_NO_START_SERVER"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
    }

    /// <summary>Runs a JACK tool to completion and returns its exit code and output.</summary>
    public (int ExitCode, string Output) Run(string file, params string[] args)
    {
        using Process process = Start(file, args);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>The port names jack_lsp lists.</summary>
    public IReadOnlyList<string> ListPorts() =>
        Run("jack_lsp").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Waits until <paramref name="port"/> exists.</summary>
    public void WaitForPort(string port)
    {
        var deadline = Stopwatch.StartNew();
        while (!ListPorts().Contains(port))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"JACK port {port} did not appear; ports: {string.Join(", ", ListPorts())}");
            }

            Thread.Sleep(50);
        }
    }

    public void Connect(string source, string destination)
    {
        var (code, output) = Run("jack_connect", source, destination);
        Assert.True(code == 0, $"jack_connect {source} {destination}: {output}");
    }

    /// <summary>Asks a tool to stop the way Ctrl+C would, so it flushes its output.</summary>
    public static void Terminate(Process process)
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, Sigterm);
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
            }
        }
    }

    public void Dispose()
    {
        Terminate(_server);
        _server.Dispose();
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
