using System.Text;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// One RtMidi object (an RtMidiIn or RtMidiOut) with its error sink: creation with clear errors,
/// port listing and opening, and turning RtMidi's error reports into <see cref="MidiDeviceException"/>s.
/// </summary>
internal sealed unsafe class RtMidiClient : IDisposable
{
    private const string SeqDevice = "/dev/snd/seq";

    // A process callback takes microseconds; this covers one preempted for a while on a busy machine.
    private static readonly TimeSpan JackCallbackDrain = TimeSpan.FromMilliseconds(50);

    private RtMidiClient(RtMidiHandle handle, MidiApi api, RtMidiErrorSink sink)
    {
        Handle = handle;
        Api = api;
        Errors = sink;
    }

    public RtMidiHandle Handle { get; }

    public MidiApi Api { get; }

    public RtMidiErrorSink Errors { get; }

    public bool IsInput => Handle is RtMidiInHandle;

    /// <summary>The APIs this RtMidi build supports, in RtMidi's order of preference.</summary>
    public static IReadOnlyList<MidiApi> CompiledApis()
    {
        RtMidiLibrary.EnsureLoaded();
        int count = RtMidiNative.rtmidi_get_compiled_api(null, 0);
        if (count <= 0)
        {
            return [];
        }

        int* apis = stackalloc int[count];
        count = RtMidiNative.rtmidi_get_compiled_api(apis, (uint)count);
        var result = new List<MidiApi>(count);
        for (int i = 0; i < count; i++)
        {
            result.Add((MidiApi)apis[i]);
        }

        return result;
    }

    /// <summary>RtMidi's display name of <paramref name="api"/>, e.g. <c>Jack</c>.</summary>
    public static string DisplayName(MidiApi api)
    {
        RtMidiLibrary.EnsureLoaded();
        byte* name = RtMidiNative.rtmidi_api_display_name((int)ToRtMidi(api));
        return name == null ? MidiApiNames.ToName(api) : Encoding.UTF8.GetString(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name));
    }

    public static RtMidiClient CreateInput(MidiApi api, string clientName, int queueSizeLimit) =>
        Create(api, clientName, isInput: true, queueSizeLimit);

    public static RtMidiClient CreateOutput(MidiApi api, string clientName) =>
        Create(api, clientName, isInput: false, 0);

    /// <summary>The full names of the ports this object can connect to (sources for an input, destinations for an output).</summary>
    public List<string> PortNames()
    {
        uint count = RtMidiNative.rtmidi_get_port_count(Handle);
        Check("rtmidi_get_port_count");
        var names = new List<string>((int)Math.Min(count, 1024));
        for (uint i = 0; i < count; i++)
        {
            int length = 0;
            RtMidiNative.rtmidi_get_port_name(Handle, i, null, &length);
            byte[] buffer = new byte[Math.Max(length, 1)];
            fixed (byte* p = buffer)
            {
                RtMidiNative.rtmidi_get_port_name(Handle, i, p, &length);
            }

            Check("rtmidi_get_port_name");
            Errors.TakeWarning(); // a port that vanished between count and name only yields an empty name
            int end = Array.IndexOf(buffer, (byte)0);
            names.Add(Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end));
        }

        return names;
    }

    public void OpenPort(int index, string localName)
    {
        // RtMidi's JACK backend reads past the end of JACK's port array for an index beyond it (and
        // crashes), so a port list that shrank since the caller looked is caught here instead.
        uint count = RtMidiNative.rtmidi_get_port_count(Handle);
        if (index < 0 || index >= count)
        {
            throw new MidiDeviceException($"MIDI port {index} no longer exists (ports changed while opening); try again.");
        }

        RtMidiNative.rtmidi_open_port(Handle, (uint)index, localName);
        Check("rtmidi_open_port", warningsAreErrors: true);
    }

    public void OpenVirtualPort(string name)
    {
        RtMidiNative.rtmidi_open_virtual_port(Handle, name);
        Check("rtmidi_open_virtual_port", warningsAreErrors: true);
    }

    public void ClosePort() => RtMidiNative.rtmidi_close_port(Handle);

    /// <summary>
    /// Closes the port so the MIDI system's callbacks stop touching it, and on JACK waits until a
    /// callback already past RtMidi's "is the port open" check has surely returned. RtMidi 5's JACK
    /// destructor frees the ring its process callback reads before it closes the JACK client, so
    /// freeing right after closing crashed (SIGSEGV in jack_ringbuffer_peek, 1 quit in about 50).
    /// Call before <see cref="Dispose"/> when a port was opened.
    /// </summary>
    public void ClosePortAndDrainCallbacks()
    {
        ClosePort();
        if (ToRtMidi(Api) == MidiApi.Jack)
        {
            Thread.Sleep(JackCallbackDrain);
        }
    }

    /// <summary>Throws if RtMidi reported an error (through the callback or the <c>ok</c> flag) since the last check.</summary>
    public void Check(string function, bool warningsAreErrors = false)
    {
        string? error = Errors.TakeError();
        if (error is null && warningsAreErrors)
        {
            error = Errors.TakeWarning();
        }

        if (error is not null)
        {
            throw new MidiDeviceException(Explain(Api, $"{function}: {error}"));
        }

        if (!Handle.Ok)
        {
            // RtMidi 5's msg points into a destroyed exception, so only the function is named.
            throw new MidiDeviceException(Explain(Api, $"{function} failed"));
        }
    }

    public void Dispose() => Handle.Dispose();

    /// <summary>RtMidi's own value for <paramref name="api"/> (<see cref="MidiApi.RtMidiJack"/> is RtMidi's JACK).</summary>
    internal static MidiApi ToRtMidi(MidiApi api) => api == MidiApi.RtMidiJack ? MidiApi.Jack : api;

    private static RtMidiClient Create(MidiApi userApi, string clientName, bool isInput, int queueSizeLimit)
    {
        RtMidiLibrary.EnsureLoaded();
        MidiApi api = ToRtMidi(userApi);
        IReadOnlyList<MidiApi> compiled = CompiledApis();
        if (api != MidiApi.Unspecified && !compiled.Contains(api))
        {
            throw new MidiDeviceException(
                $"This RtMidi library was built without {MidiApiNames.ToName(api)} support; it supports: {string.Join(", ", compiled.Select(MidiApiNames.ToName))}.");
        }

        if (api == MidiApi.Alsa && OperatingSystem.IsLinux() && !File.Exists(SeqDevice))
        {
            throw new MidiDeviceException(
                $"ALSA MIDI is not available: {SeqDevice} is missing (no ALSA sequencer; try 'sudo modprobe snd-seq'). Use the JACK API instead with a running JACK or PipeWire server (--api jack).");
        }

        RtMidiHandle handle = isInput
            ? RtMidiNative.rtmidi_in_create((int)api, clientName, (uint)queueSizeLimit)
            : RtMidiNative.rtmidi_out_create((int)api, clientName);
        var sink = new RtMidiErrorSink();
        var client = new RtMidiClient(handle, userApi, sink);
        try
        {
            if (handle.IsInvalid || !handle.Ok || handle.CppObject == 0)
            {
                throw new MidiDeviceException(Explain(api, $"could not start a {MidiApiNames.ToName(api)} MIDI client ({(isInput ? "rtmidi_in_create" : "rtmidi_out_create")} failed)"));
            }

            var setter = isInput ? RtMidiLibrary.InErrorCallbackSetter : RtMidiLibrary.OutErrorCallbackSetter;
            if (setter != null)
            {
                setter(handle.CppObject, RtMidiErrorSink.Callback, (void*)handle.KeepErrorTarget(sink));
            }

            // Listing makes a JACK client connect again; its "server not running?" warning now reaches the sink.
            RtMidiNative.rtmidi_get_port_count(handle);
            client.Check("connect", warningsAreErrors: true);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string Explain(MidiApi api, string what)
    {
        if (ToRtMidi(api) == MidiApi.Jack && what.Contains("not running", StringComparison.OrdinalIgnoreCase))
        {
            return "No JACK server is running: start one (jackd, qjackctl, or PipeWire with pipewire-jack) or choose another MIDI API.";
        }

        if (api == MidiApi.Alsa && what.Contains("create", StringComparison.OrdinalIgnoreCase))
        {
            return $"ALSA MIDI is not available ({what}): check that {SeqDevice} exists and that you may open it (the 'audio' group), or use the JACK API (--api jack).";
        }

        return $"MIDI error ({MidiApiNames.ToName(api)}): {what}.";
    }
}
