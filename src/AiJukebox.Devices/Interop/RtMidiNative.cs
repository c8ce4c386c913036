using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// RtMidi's C API (<c>rtmidi_c.h</c>, RtMidi 5/6). The library name is resolved per platform by
/// <see cref="RtMidiLibrary"/>; no pointer leaves this folder.
/// </summary>
internal static unsafe partial class RtMidiNative
{
    /// <summary>The logical name every import uses; <see cref="RtMidiLibrary"/> maps it to a real file.</summary>
    internal const string LibraryName = "rtmidi";

    // enum RtMidiErrorType: WARNING 0, DEBUG_WARNING 1, UNSPECIFIED 2 and above are errors.
    internal const int ErrorTypeFirstError = 2;

    /// <summary>The layout of <c>struct RtMidiWrapper</c>, which every RtMidi handle points to.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Wrapper
    {
        public void* Ptr;
        public void* Data;
        public byte Ok; // C bool
        public byte* Msg; // points into a destroyed exception in RtMidi 5.0; never read
    }

    [LibraryImport(LibraryName)]
    internal static partial int rtmidi_get_compiled_api(int* apis, uint apisSize);

    [LibraryImport(LibraryName)]
    internal static partial byte* rtmidi_api_display_name(int api);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void rtmidi_open_port(RtMidiHandle device, uint portNumber, string portName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void rtmidi_open_virtual_port(RtMidiHandle device, string portName);

    [LibraryImport(LibraryName)]
    internal static partial void rtmidi_close_port(RtMidiHandle device);

    [LibraryImport(LibraryName)]
    internal static partial uint rtmidi_get_port_count(RtMidiHandle device);

    [LibraryImport(LibraryName)]
    internal static partial int rtmidi_get_port_name(RtMidiHandle device, uint portNumber, byte* bufOut, int* bufLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial RtMidiInHandle rtmidi_in_create(int api, string clientName, uint queueSizeLimit);

    [LibraryImport(LibraryName)]
    internal static partial void rtmidi_in_free(nint device);

    [LibraryImport(LibraryName)]
    internal static partial void rtmidi_in_set_callback(
        RtMidiInHandle device,
        delegate* unmanaged<double, byte*, nuint, void*, void> callback,
        void* userData);

    [LibraryImport(LibraryName)]
    internal static partial void rtmidi_in_ignore_types(
        RtMidiInHandle device,
        [MarshalAs(UnmanagedType.U1)] bool midiSysex,
        [MarshalAs(UnmanagedType.U1)] bool midiTime,
        [MarshalAs(UnmanagedType.U1)] bool midiSense);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial RtMidiOutHandle rtmidi_out_create(int api, string clientName);

    [LibraryImport(LibraryName)]
    internal static partial void rtmidi_out_free(nint device);

    [LibraryImport(LibraryName)]
    internal static partial int rtmidi_out_send_message(RtMidiOutHandle device, byte* message, int length);
}
