using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// Where libjack's error and information lines go instead of stderr (which would draw over the
/// terminal UI): the last error is kept, so a failed call can say what libjack said.
/// </summary>
internal static unsafe class JackMessages
{
    private static string? _lastError;

    /// <summary>libjack's latest error line, or null.</summary>
    internal static string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Forgets the last error (before a call whose failure should be explained).</summary>
    internal static void Clear() => Volatile.Write(ref _lastError, null);

    [UnmanagedCallersOnly]
    internal static void OnError(byte* message)
    {
        // Rare and never in steady state, so making a string here is fine even on JACK's threads.
        try
        {
            Volatile.Write(ref _lastError, Marshal.PtrToStringUTF8((nint)message));
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }

    [UnmanagedCallersOnly]
    internal static void OnInfo(byte* message)
    {
        // Information ("JACK server starting...") is dropped: nothing a user needs.
    }
}
