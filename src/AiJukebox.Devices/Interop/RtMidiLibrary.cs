using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// The one place that knows the RtMidi library's file name on each platform. Loaded on first use for
/// <see cref="NativeLibraryResolver"/>, so every <c>[LibraryImport("rtmidi")]</c> binds to the file found here.
/// </summary>
internal static unsafe class RtMidiLibrary
{
    /// <summary>Set to a file name or path to load that instead of the platform's names.</summary>
    internal const string OverrideVariable = "AIJUKEBOX_RTMIDI_LIBRARY";

    // C++ symbols for RtMidiIn/RtMidiOut::setErrorCallback. The C API of RtMidi 5 and 6 has no way to
    // install RtMidi's error callback, without which warnings only go to stderr. These names are the
    // GCC/libstdc++ (C++11 string ABI) manglings; they also fix the std::string layout read in
    // RtMidiErrorSink. Elsewhere the lookup fails and warnings stay on stderr.
    private const string InSetErrorCallback =
        "_ZN8RtMidiIn16setErrorCallbackEPFvN11RtMidiError4TypeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEPvESA_";

    private const string OutSetErrorCallback =
        "_ZN9RtMidiOut16setErrorCallbackEPFvN11RtMidiError4TypeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEPvESA_";

    private static readonly Lock Gate = new();
    private static nint _library;

    /// <summary>The loaded library's handle, loading it on first use.</summary>
    /// <exception cref="MidiLibraryNotFoundException">RtMidi is not installed.</exception>
    internal static nint Handle
    {
        get
        {
            EnsureLoaded();
            return _library;
        }
    }

    /// <summary><c>RtMidiIn::setErrorCallback(this, callback, userData)</c>, or null where not available.</summary>
    internal static delegate* unmanaged<nint, delegate* unmanaged<int, void*, void*, void>, void*, void> InErrorCallbackSetter { get; private set; }

    /// <summary><c>RtMidiOut::setErrorCallback(this, callback, userData)</c>, or null where not available.</summary>
    internal static delegate* unmanaged<nint, delegate* unmanaged<int, void*, void*, void>, void*, void> OutErrorCallbackSetter { get; private set; }

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
            return ["rtmidi.dll", "librtmidi.dll", "librtmidi-7.dll", "librtmidi-6.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return
            [
                "librtmidi.dylib", "librtmidi.7.dylib", "librtmidi.6.dylib",
                "/opt/homebrew/lib/librtmidi.dylib", "/usr/local/lib/librtmidi.dylib",
            ];
        }

        // Debian/Ubuntu's librtmidi6 ships only the versioned name; the unversioned one comes with -dev.
        return ["librtmidi.so.6", "librtmidi.so.7", "librtmidi.so.5", "librtmidi.so"];
    }

    /// <summary>Loads RtMidi once and installs the import resolver.</summary>
    /// <exception cref="MidiLibraryNotFoundException">No candidate could be loaded.</exception>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_library != 0)
            {
                return;
            }

            NativeLibraryResolver.Install();
            nint library = Load(CandidateNames());
            InErrorCallbackSetter = (delegate* unmanaged<nint, delegate* unmanaged<int, void*, void*, void>, void*, void>)Export(library, InSetErrorCallback);
            OutErrorCallbackSetter = (delegate* unmanaged<nint, delegate* unmanaged<int, void*, void*, void>, void*, void>)Export(library, OutSetErrorCallback);
            _library = library;
        }
    }

    /// <summary>Loads the first of <paramref name="names"/> that exists.</summary>
    /// <exception cref="MidiLibraryNotFoundException">None could be loaded.</exception>
    internal static nint Load(IReadOnlyList<string> names) => NativeLibraryResolver.Load(names);

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out nint address) ? address : 0;
}
