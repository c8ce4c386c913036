using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>The few POSIX calls that move a file descriptor (glibc on Linux, libSystem on macOS).</summary>
internal static partial class LibC
{
    // "libc" is resolved by the runtime's own probing (libc.so.6 on glibc, libSystem on macOS).
    private const string LibraryName = "libc";

    internal const int StandardError = 2;

    // open(2) flags as glibc and macOS define them.
    internal static int WriteAppendCreate => OperatingSystem.IsMacOS() ? 0x0001 | 0x0008 | 0x0200 : 0x0001 | 0x0400 | 0x0040;

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport(LibraryName, EntryPoint = "dup", SetLastError = true)]
    internal static partial int Dup(int descriptor);

    [LibraryImport(LibraryName, EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int descriptor, int target);

    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int descriptor);
}
