using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// Where libjack's error and information lines go instead of stderr (which would draw over the
/// terminal UI): the last error is kept, so a failed call can say what libjack said, and every
/// line joins the audio libraries' messages (<see cref="SynthLog"/>: the synth's explanations and
/// the UI's log). The one handler libjack has, for our JACK client and FluidSynth's jack driver alike.
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
            var text = Marshal.PtrToStringUTF8((nint)message) ?? string.Empty;
            Volatile.Write(ref _lastError, text);
            SynthLog.Add("jack", text, error: true);
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }

    [UnmanagedCallersOnly]
    internal static void OnInfo(byte* message)
    {
        try
        {
            SynthLog.Add("jack", Marshal.PtrToStringUTF8((nint)message) ?? string.Empty, error: false);
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }
}
