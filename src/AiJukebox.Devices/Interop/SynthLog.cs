using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// Where FluidSynth's log and its audio libraries' messages go instead of the terminal: the last
/// error on each thread (so an exception can say why a native call failed) and the most recent
/// messages of any thread.
/// </summary>
internal static unsafe class SynthLog
{
    private const int FluidErr = 1;
    private const int FluidWarn = 2;
    private const int Kept = 64;

    private static readonly ConcurrentQueue<string> RecentMessages = new();

    [ThreadStatic]
    private static string? t_lastError;

    /// <summary>The most recent messages (oldest first), for diagnostics.</summary>
    internal static IReadOnlyList<string> Recent => [.. RecentMessages];

    /// <summary>The last error logged on this thread since the last call, or null; clears it.</summary>
    internal static string? TakeError()
    {
        string? error = t_lastError;
        t_lastError = null;
        return error;
    }

    /// <summary>Forgets this thread's last error (before a native call whose failure is to be explained).</summary>
    internal static void ClearError() => t_lastError = null;

    /// <summary>Records one message; <paramref name="error"/> makes it this thread's last error.</summary>
    internal static void Add(string source, string text, bool error)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (error)
        {
            t_lastError = $"{source}: {text}";
        }

        RecentMessages.Enqueue($"{source}: {text}");
        if (NativeStderrCapture.IsActive)
        {
            // While a UI captures stderr, its log (and Log screen) shows these messages too.
            Console.Error.WriteLine($"{source}: {text}");
        }

        while (RecentMessages.Count > Kept && RecentMessages.TryDequeue(out _))
        {
        }
    }

    /// <summary><c>fluid_log_function_t</c>: errors and panics are remembered as the thread's last error.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static void OnFluidMessage(int level, byte* message, void* data)
    {
        // Debug and info chatter is dropped; warnings are kept for diagnostics.
        if (level <= FluidWarn)
        {
            Add("fluidsynth", Marshal.PtrToStringUTF8((nint)message) ?? string.Empty, level <= FluidErr);
        }
    }
}
