using System.Reflection;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// The assembly's one <see cref="NativeLibrary.SetDllImportResolver"/> (the runtime allows one per
/// assembly): maps each logical library name of a <c>[LibraryImport]</c> to the file its loader found.
/// </summary>
internal static class NativeLibraryResolver
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once; safe to call from every loader.</summary>
    internal static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
                _installed = true;
            }
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

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        RtMidiNative.LibraryName => RtMidiLibrary.Handle(),
        FluidSynthNative.LibraryName => FluidSynthLibrary.Handle(),
        _ => 0,
    };
}
