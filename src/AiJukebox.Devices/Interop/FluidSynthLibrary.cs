using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// The one place that knows the FluidSynth library's file name on each platform. Every
/// <c>[LibraryImport("fluidsynth")]</c> binds, through <see cref="NativeLibraryResolver"/>, to the
/// file found here. Loading it also routes FluidSynth's log (and the messages of the audio
/// libraries its drivers use) to <see cref="SynthLog"/>, so nothing is printed over a terminal UI.
/// </summary>
internal static unsafe class FluidSynthLibrary
{
    /// <summary>Set to a file name or path to load that instead of the platform's names.</summary>
    internal const string OverrideVariable = "AIJUKEBOX_FLUIDSYNTH_LIBRARY";

    private static readonly Lock Gate = new();
    private static nint _library;

    /// <summary>The names tried on this platform, in order (the override variable wins when set).</summary>
    internal static IReadOnlyList<string> CandidateNames()
    {
        string? chosen = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return [chosen];
        }

        if (OperatingSystem.IsWindows())
        {
            return ["libfluidsynth-3.dll", "fluidsynth.dll", "libfluidsynth.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return
            [
                "libfluidsynth.3.dylib", "libfluidsynth.dylib",
                "/opt/homebrew/lib/libfluidsynth.3.dylib", "/usr/local/lib/libfluidsynth.3.dylib",
            ];
        }

        // Debian/Ubuntu's libfluidsynth3 ships only the versioned name; the unversioned one comes with -dev.
        return ["libfluidsynth.so.3", "libfluidsynth.so"];
    }

    /// <summary>Loads FluidSynth once, routes its log, and installs the import resolver.</summary>
    /// <exception cref="SynthLibraryNotFoundException">No candidate could be loaded.</exception>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_library != 0)
            {
                return;
            }

            var names = CandidateNames();
            nint library = NativeLibraryResolver.LoadFirst(names, out Exception? last);
            if (library == 0)
            {
                throw new SynthLibraryNotFoundException(names, last);
            }

            _library = library;
            NativeLibraryResolver.Install();
            for (int level = 0; level < FluidSynthNative.LogLevels; level++)
            {
                FluidSynthNative.fluid_set_log_function(level, &SynthLog.OnFluidMessage, null);
            }

            AudioLibraryMessages.Route();
        }
    }

    /// <summary>The loaded library's handle (loading it first).</summary>
    internal static nint Handle()
    {
        EnsureLoaded();
        return _library;
    }

    /// <summary>FluidSynth's version, such as "2.3.1".</summary>
    internal static string Version()
    {
        EnsureLoaded();
        return Marshal.PtrToStringUTF8((nint)FluidSynthNative.fluid_version_str()) ?? "?";
    }
}
