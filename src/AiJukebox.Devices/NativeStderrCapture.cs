using System.Runtime.InteropServices;

using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// Sends the process's standard error (descriptor 2) to a log file while a full-screen UI runs,
/// so that what native libraries print (libjack's "Cannot connect to server socket", ALSA's and
/// FluidSynth's warnings) goes to the log instead of over the screen. Disposing puts the
/// terminal's stderr back.
/// </summary>
public sealed class NativeStderrCapture : IDisposable
{
    private readonly SavedStderrHandle _saved;

    private NativeStderrCapture(string path, SavedStderrHandle saved)
    {
        LogPath = path;
        _saved = saved;
    }

    private static int _active;

    /// <summary>Whether some capture is running (standard error goes to a log, not the terminal).</summary>
    public static bool IsActive => Volatile.Read(ref _active) > 0;

    /// <summary>The file standard error goes to.</summary>
    public string LogPath { get; }

    /// <summary>
    /// Starts sending standard error to <paramref name="logPath"/> (appended; its folder is made).
    /// Returns null where descriptors cannot be moved this way (Windows).
    /// </summary>
    /// <exception cref="IOException">The log cannot be opened, or the descriptor cannot be moved.</exception>
    public static NativeStderrCapture? Start(string logPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = LibC.Open(logPath, LibC.WriteAppendCreate, Convert.ToInt32("644", 8));
        if (log < 0)
        {
            throw new IOException($"{logPath}: cannot open the log for native messages (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            var saved = SavedStderrHandle.Duplicate();
            if (LibC.Dup2(log, LibC.StandardError) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                saved.Dispose(); // puts back what descriptor 2 was (a no-op here) and closes the copy
                throw new IOException($"dup2 onto standard error failed (errno {errno})");
            }

            Interlocked.Increment(ref _active);
            return new NativeStderrCapture(logPath, saved);
        }
        finally
        {
            LibC.Close(log);
        }
    }

    /// <summary>
    /// The default log: <c>$XDG_STATE_HOME/aijukebox/native.log</c>
    /// (<c>~/.local/state/aijukebox/native.log</c> when the variable is unset).
    /// </summary>
    public static string DefaultLogPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(state, "aijukebox", "native.log");
    }

    /// <summary>Puts the terminal's standard error back.</summary>
    public void Dispose()
    {
        if (!_saved.IsClosed)
        {
            Interlocked.Decrement(ref _active);
        }

        _saved.Dispose();
    }
}
