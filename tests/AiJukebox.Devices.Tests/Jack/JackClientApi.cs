using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>The part of libjack's C API that the tests' own JACK clients use (an audio capture, a MIDI listener in the bench).</summary>
internal static unsafe partial class JackClientApi
{
    public const int NoStartServer = 0x01;
    public const nuint PortIsInput = 0x1;

    // jack_client_open is variadic; with no extra arguments the fixed-argument call is ABI-compatible on x86-64 and arm64 Linux.
    [LibraryImport("libjack.so.0", EntryPoint = "jack_client_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ClientOpen(string name, int options, out int status);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_client_name")]
    public static partial nint GetClientName(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_sample_rate")]
    public static partial uint GetSampleRate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_port_register", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PortRegister(nint client, string name, string type, nuint flags, nuint bufferSize);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_set_process_callback")]
    public static partial int SetProcessCallback(nint client, delegate* unmanaged[Cdecl]<uint, nint, int> callback, nint arg);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_activate")]
    public static partial int Activate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_deactivate")]
    public static partial int Deactivate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_client_close")]
    public static partial int ClientClose(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_connect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Connect(nint client, string source, string destination);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_port_get_buffer")]
    public static partial nint PortGetBuffer(nint port, uint frames);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_last_frame_time")]
    public static partial uint LastFrameTime(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_time")]
    public static partial ulong GetTime();

    [LibraryImport("libjack.so.0", EntryPoint = "jack_frames_to_time")]
    public static partial ulong FramesToTime(nint client, uint frames);

    /// <exception cref="InvalidOperationException">The call returned non-zero.</exception>
    public static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result}).");
        }
    }
}
