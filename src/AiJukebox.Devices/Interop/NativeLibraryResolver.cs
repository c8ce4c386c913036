using System.Reflection;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// This assembly's one <see cref="NativeLibrary.SetDllImportResolver"/> (.NET allows one per
/// assembly): maps each logical library name of the imports (<see cref="RtMidiNative.LibraryName"/>,
/// <see cref="JackNative.LibraryName"/>, <see cref="FluidSynthNative.LibraryName"/>) to the file
/// its loader found.
/// </summary>
internal static class NativeLibraryResolver
{
    private static int _installed;

    /// <summary>Installs the resolver once (any thread).</summary>
    internal static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        }
    }

    /// <summary>Loads the first of <paramref name="names"/> that exists; 0 (and the last failure) when none does.</summary>
    internal static nint LoadFirst(IReadOnlyList<string> names, out Exception? last)
    {
        last = null;
        foreach (string name in names)
        {
            try
            {
                return NativeLibrary.Load(name, typeof(NativeLibraryResolver).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                last = e;
            }
        }

        return 0;
    }

    /// <summary>Loads the first of <paramref name="names"/> that exists.</summary>
    /// <exception cref="MidiLibraryNotFoundException">None could be loaded.</exception>
    internal static nint Load(IReadOnlyList<string> names, string? what = null, string? install = null)
    {
        var library = LoadFirst(names, out var last);
        return library != 0 ? library
            : throw (what is null ? new MidiLibraryNotFoundException(names, last) : new MidiLibraryNotFoundException(names, last, what, install));
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        RtMidiNative.LibraryName => RtMidiLibrary.Handle,
        JackNative.LibraryName => JackLibrary.Handle,
        FluidSynthNative.LibraryName => FluidSynthLibrary.Handle(),
        _ => 0,
    };
}
