using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// FluidSynth's audio drivers call libraries that print to stderr themselves: libjack ("Cannot
/// connect to server socket") and ALSA's libasound ("ALSA lib confmisc.c: cannot find card '0'").
/// Both let a program install its own message handler; the text goes to <see cref="SynthLog"/>
/// (libjack's through <see cref="JackMessages"/>, the one handler it has).
/// Where a library is absent (not Linux, or FluidSynth built without it) nothing is done.
/// </summary>
internal static unsafe class AudioLibraryMessages
{
    private static int _routed;

    /// <summary>Installs the handlers (the first call; later ones do nothing).</summary>
    internal static void Route()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _routed, 1) != 0)
        {
            return;
        }

        try
        {
            // libjack has one message handler, installed where our JACK client loads it.
            JackLibrary.EnsureLoaded();
        }
        catch (MidiLibraryNotFoundException)
        {
            // No libjack: nothing of it can print.
        }

        if (NativeLibrary.TryLoad("libasound.so.2", out nint alsa) && NativeLibrary.TryGetExport(alsa, "snd_lib_error_set_handler", out nint setHandler))
        {
            ((delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<byte*, int, byte*, int, byte*, void>, int>)setHandler)(&OnAlsaError);
        }
    }

    // snd_lib_error_handler_t is variadic (file, line, function, err, fmt, ...): the fixed arguments
    // arrive in the same registers on x86-64 and arm64 Linux, and the format is kept unexpanded.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnAlsaError(byte* file, int line, byte* function, int error, byte* format) =>
        SynthLog.Add("alsa", $"{Marshal.PtrToStringUTF8((nint)function)}: {Marshal.PtrToStringUTF8((nint)format)}", error: false);
}
