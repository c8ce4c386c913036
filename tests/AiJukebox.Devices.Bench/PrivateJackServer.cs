using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Bench;

/// <summary>A private jackd (dummy backend) under a unique name, made the default server of this process.</summary>
internal sealed partial class PrivateJackServer : IDisposable
{
    private readonly Process _process;

    public PrivateJackServer(int period, bool sync)
    {
        Name = $"aijb-bench-{Environment.ProcessId}";

        // libjack reads the native environment, which Environment.SetEnvironmentVariable does not write.
        _ = SetEnv("JACK_DEFAULT_SERVER", Name, 1);
        _ = SetEnv("JACK_NO_START_SERVER", "1", 1);
        Environment.SetEnvironmentVariable("JACK_DEFAULT_SERVER", Name);
        var start = new ProcessStartInfo("jackd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["--no-realtime", .. sync ? ["--sync"] : Array.Empty<string>(), "-n", Name, "-d", "dummy", "-r", "48000", "-p", period.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("XRun", StringComparison.OrdinalIgnoreCase) == true)
            {
                Interlocked.Increment(ref _xruns);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                _ = MidiSystem.GetOutputPorts(MidiApi.Jack);
                return;
            }
            catch (MidiDeviceException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                Thread.Sleep(200);
            }
        }
    }

    private int _xruns;

    public string Name { get; }

    /// <summary>Lines jackd printed about xruns since start.</summary>
    public int XrunReports => Volatile.Read(ref _xruns);

    public void Dispose()
    {
        _ = Kill(_process.Id, 15);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
