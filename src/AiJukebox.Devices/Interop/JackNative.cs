using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// JACK's C API (<c>jack/jack.h</c>, <c>jack/midiport.h</c>), the part the MIDI backend uses. The
/// library name is resolved per platform by <see cref="JackLibrary"/>; no pointer leaves this folder
/// and <see cref="Jack"/>. Everything called from a process callback here is real-time safe in libjack.
/// </summary>
internal static unsafe partial class JackNative
{
    /// <summary>The logical name every import uses; <see cref="JackLibrary"/> maps it to a real file.</summary>
    internal const string LibraryName = "jack";

    internal const string MidiType = "8 bit raw midi";

    // jack_options_t
    internal const int NoStartServer = 0x01;

    // jack_status_t bits worth naming in messages
    internal const int StatusServerFailed = 0x10;
    internal const int StatusNameNotUnique = 0x04;

    // enum JackPortFlags
    internal const uint PortIsInput = 0x1;
    internal const uint PortIsOutput = 0x2;

    // enum JackLatencyCallbackMode
    internal const int CaptureLatency = 0;
    internal const int PlaybackLatency = 1;

    /// <summary><c>jack_midi_event_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MidiEvent
    {
        public uint Time;
        public nuint Size;
        public byte* Buffer;
    }

    /// <summary><c>jack_latency_range_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LatencyRange
    {
        public uint Min;
        public uint Max;
    }

    // jack_client_open is variadic; without JackServerName no variadic argument follows, and the
    // fixed-argument call is ABI-compatible on x86-64 and arm64 (the server comes from JACK_DEFAULT_SERVER).
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial JackClientHandle jack_client_open(string clientName, int options, out int status);

    [LibraryImport(LibraryName)]
    internal static partial int jack_client_close(nint client);

    [LibraryImport(LibraryName)]
    internal static partial byte* jack_get_client_name(JackClientHandle client);

    [LibraryImport(LibraryName)]
    internal static partial int jack_activate(JackClientHandle client);

    [LibraryImport(LibraryName)]
    internal static partial int jack_deactivate(JackClientHandle client);

    [LibraryImport(LibraryName)]
    internal static partial int jack_set_process_callback(JackClientHandle client, delegate* unmanaged<uint, nint, int> callback, nint arg);

    [LibraryImport(LibraryName)]
    internal static partial void jack_on_info_shutdown(JackClientHandle client, delegate* unmanaged<int, byte*, nint, void> callback, nint arg);

    [LibraryImport(LibraryName)]
    internal static partial int jack_set_xrun_callback(JackClientHandle client, delegate* unmanaged<nint, int> callback, nint arg);

    [LibraryImport(LibraryName)]
    internal static partial int jack_set_port_registration_callback(JackClientHandle client, delegate* unmanaged<uint, int, nint, void> callback, nint arg);

    [LibraryImport(LibraryName)]
    internal static partial int jack_set_latency_callback(JackClientHandle client, delegate* unmanaged<int, nint, void> callback, nint arg);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_port_register(JackClientHandle client, string portName, string portType, CULong flags, CULong bufferSize);

    [LibraryImport(LibraryName)]
    internal static partial byte* jack_port_name(nint port);

    [LibraryImport(LibraryName)]
    internal static partial void jack_port_set_latency_range(nint port, int mode, LatencyRange* range);

    [LibraryImport(LibraryName)]
    internal static partial void jack_port_get_latency_range(nint port, int mode, LatencyRange* range);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int jack_connect(JackClientHandle client, string sourcePort, string destinationPort);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial byte** jack_get_ports(JackClientHandle client, string? portNamePattern, string? typeNamePattern, CULong flags);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint jack_port_by_name(JackClientHandle client, string portName);

    [LibraryImport(LibraryName)]
    internal static partial void jack_free(void* pointer);

    [LibraryImport(LibraryName)]
    internal static partial uint jack_get_buffer_size(JackClientHandle client);

    [LibraryImport(LibraryName)]
    internal static partial uint jack_get_sample_rate(JackClientHandle client);

    [LibraryImport(LibraryName)]
    internal static partial ulong jack_get_time();

    [LibraryImport(LibraryName)]
    internal static partial void jack_set_error_function(delegate* unmanaged<byte*, void> function);

    [LibraryImport(LibraryName)]
    internal static partial void jack_set_info_function(delegate* unmanaged<byte*, void> function);

    // Process callback only (real-time safe in libjack).
    [LibraryImport(LibraryName)]
    internal static partial int jack_get_cycle_times(nint client, uint* currentFrames, ulong* currentMicroseconds, ulong* nextMicroseconds, float* periodMicroseconds);

    [LibraryImport(LibraryName)]
    internal static partial void* jack_port_get_buffer(nint port, uint frames);

    [LibraryImport(LibraryName)]
    internal static partial void jack_midi_clear_buffer(void* buffer);

    [LibraryImport(LibraryName)]
    internal static partial int jack_midi_event_write(void* buffer, uint time, byte* data, nuint size);

    [LibraryImport(LibraryName)]
    internal static partial uint jack_midi_get_event_count(void* buffer);

    [LibraryImport(LibraryName)]
    internal static partial int jack_midi_event_get(MidiEvent* e, void* buffer, uint index);

    [LibraryImport(LibraryName)]
    internal static partial uint jack_midi_get_lost_event_count(void* buffer);
}
