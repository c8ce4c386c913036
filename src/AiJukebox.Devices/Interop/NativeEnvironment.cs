using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// Sets a variable where native libraries read it: on Unix .NET keeps its own copy of the
/// environment, which libc's <c>getenv</c> (what libjack calls) does not see.
/// </summary>
internal static partial class NativeEnvironment
{
    internal static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnv(name, value, 1);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
