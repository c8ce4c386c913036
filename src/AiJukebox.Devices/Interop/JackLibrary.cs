using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// The one place that knows libjack's file name on each platform (Debian's libjack-jackd2-0 and
/// PipeWire's pipewire-jack both provide <c>libjack.so.0</c>), loaded once for
/// <see cref="NativeLibraryResolver"/>. libjack's own error and information lines are routed into
/// <see cref="JackMessages"/> instead of stderr, so they never draw over the terminal UI.
/// </summary>
internal static unsafe class JackLibrary
{
    /// <summary>Set to a file name or path to load that instead of the platform's names.</summary>
    internal const string OverrideVariable = "AIJUKEBOX_JACK_LIBRARY";

    private static readonly Lock Gate = new();
    private static nint _library;

    /// <summary>The loaded library's handle, loading it on first use.</summary>
    /// <exception cref="MidiLibraryNotFoundException">No candidate could be loaded.</exception>
    internal static nint Handle => Volatile.Read(ref _library) is not 0 and var loaded ? loaded : LoadOnce();

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
            return [Environment.Is64BitProcess ? "libjack64.dll" : "libjack.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libjack.0.dylib", "libjack.dylib", "/opt/homebrew/lib/libjack.dylib", "/usr/local/lib/libjack.dylib"];
        }

        return ["libjack.so.0", "libjack.so"];
    }

    /// <summary>Loads libjack once, installs the import resolver and routes libjack's messages.</summary>
    /// <exception cref="MidiLibraryNotFoundException">No candidate could be loaded.</exception>
    internal static void EnsureLoaded() => _ = Handle;

    private static nint LoadOnce()
    {
        lock (Gate)
        {
            if (_library != 0)
            {
                return _library;
            }

            NativeLibraryResolver.Install();
            _library = NativeLibraryResolver.Load(CandidateNames(), "JACK (libjack)", "sudo apt install libjack-jackd2-0 (or pipewire-jack)");

            // After _library is set: these calls go through the resolver, which asks for it.
            JackNative.jack_set_error_function(&JackMessages.OnError);
            JackNative.jack_set_info_function(&JackMessages.OnInfo);
            return _library;
        }
    }
}
