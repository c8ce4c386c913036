using AiJukebox.Devices.Interop;
using AiJukebox.Devices.Jack;
using AiJukebox.Devices.RtMidi;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices;

/// <summary>
/// Entry point to the MIDI devices of this machine: which MIDI systems exist, which ports they
/// have, and opening or creating ports. <see cref="MidiApi.Jack"/> goes through AI Jukebox's own
/// JACK client (libjack), every other API through RtMidi. Every failure is a <see cref="MidiDeviceException"/>
/// whose message tells the user what to do.
/// </summary>
public static unsafe class MidiSystem
{
    /// <summary>The client name used when the caller gives none (JACK shows it before the port name).</summary>
    public const string DefaultClientName = "aijukebox";

    // RtMidi's own queue is unused in callback mode; it only needs to exist.
    private const int RtMidiQueueLimit = 100;

    /// <summary>How often an open connection checks that the port at its other end still exists.</summary>
    internal static TimeSpan WatchInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The MIDI systems the installed RtMidi supports, e.g. ALSA and JACK on Linux.</summary>
    /// <exception cref="MidiLibraryNotFoundException">RtMidi is not installed.</exception>
    public static IReadOnlyList<MidiApi> GetCompiledApis() =>
        RtMidiClient.CompiledApis().Where(a => a != MidiApi.Dummy).ToList();

    /// <summary>RtMidi's display name of <paramref name="api"/>, e.g. <c>Jack</c>.</summary>
    public static string GetDisplayName(MidiApi api) => RtMidiClient.DisplayName(api);

    /// <summary>
    /// The MIDI system to use when the user names none: ALSA on Linux when its sequencer exists,
    /// otherwise JACK; CoreMIDI on macOS; Windows MM on Windows.
    /// </summary>
    public static MidiApi GetDefaultApi()
    {
        IReadOnlyList<MidiApi> compiled = GetCompiledApis();
        if (OperatingSystem.IsLinux())
        {
            bool alsa = compiled.Contains(MidiApi.Alsa) && File.Exists("/dev/snd/seq");
            return alsa || !compiled.Contains(MidiApi.Jack) ? MidiApi.Alsa : MidiApi.Jack;
        }

        if (OperatingSystem.IsMacOS())
        {
            return MidiApi.CoreMidi;
        }

        return OperatingSystem.IsWindows() ? MidiApi.WindowsMM : compiled.FirstOrDefault();
    }

    /// <summary>The ports an input can receive from.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system is not available.</exception>
    public static IReadOnlyList<MidiPortInfo> GetInputPorts(MidiApi api)
    {
        if (api == MidiApi.Jack)
        {
            return JackPortList.Names(DefaultClientName + "-list", sources: true).Select((name, i) => new MidiPortInfo(api, i, name)).ToList();
        }

        using RtMidiClient client = RtMidiClient.CreateInput(api, DefaultClientName + "-list", RtMidiQueueLimit);
        return client.PortNames().Select((name, i) => new MidiPortInfo(api, i, name)).ToList();
    }

    /// <summary>The ports an output can send to.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system is not available.</exception>
    public static IReadOnlyList<MidiPortInfo> GetOutputPorts(MidiApi api)
    {
        if (api == MidiApi.Jack)
        {
            return JackPortList.Names(DefaultClientName + "-list", sources: false).Select((name, i) => new MidiPortInfo(api, i, name)).ToList();
        }

        using RtMidiClient client = RtMidiClient.CreateOutput(api, DefaultClientName + "-list");
        return client.PortNames().Select((name, i) => new MidiPortInfo(api, i, name)).ToList();
    }

    /// <summary>Connects an output to an existing port.</summary>
    /// <param name="api">The MIDI system.</param>
    /// <param name="port">The port's exact name, its index, or a part of its name that matches only it.</param>
    /// <param name="clientName">Our client name as other programs see it.</param>
    /// <exception cref="MidiPortNotFoundException">No single port matches; the message lists the ports.</exception>
    /// <exception cref="MidiDeviceException">The MIDI system is not available or refused the connection.</exception>
    public static MidiOutputPort OpenOutput(MidiApi api, string port, string clientName = DefaultClientName)
    {
        if (api == MidiApi.Jack)
        {
            return JackMidiOutputPort.Open(clientName, "out", port);
        }

        RtMidiClient client = RtMidiClient.CreateOutput(api, clientName);
        try
        {
            List<string> names = client.PortNames();
            int index = MidiPortSelector.Resolve(names, port, "output");
            client.OpenPort(index, "out");
            return new RtMidiOutputPort(client, names[index], isVirtual: false, clientName, WatchInterval);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Creates a virtual output port that other programs (a synth, a DAW) connect to.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system cannot create virtual ports (Windows MM) or is not available.</exception>
    public static MidiOutputPort CreateVirtualOutput(MidiApi api, string portName, string clientName = DefaultClientName)
    {
        ThrowIfNoVirtualPorts(api);
        if (api == MidiApi.Jack)
        {
            return JackMidiOutputPort.Open(clientName, portName, destination: null);
        }

        RtMidiClient client = RtMidiClient.CreateOutput(api, clientName);
        try
        {
            client.OpenVirtualPort(portName);
            return new RtMidiOutputPort(client, $"{clientName}:{portName}", isVirtual: true, clientName, WatchInterval);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects an input to an existing port.</summary>
    /// <param name="api">The MIDI system.</param>
    /// <param name="port">The port's exact name, its index, or a part of its name that matches only it.</param>
    /// <param name="options">Which message kinds to receive and the queue size; <see cref="MidiInputOptions.Default"/> when null.</param>
    /// <param name="clientName">Our client name as other programs see it.</param>
    /// <exception cref="MidiPortNotFoundException">No single port matches; the message lists the ports.</exception>
    /// <exception cref="MidiDeviceException">The MIDI system is not available or refused the connection.</exception>
    public static MidiInputPort OpenInput(MidiApi api, string port, MidiInputOptions? options = null, string clientName = DefaultClientName) =>
        api == MidiApi.Jack ? JackMidiInputPort.Open(clientName, "in", port, options ?? MidiInputOptions.Default) : CreateInput(api, options, clientName, (client, queue) =>
        {
            List<string> names = client.PortNames();
            int index = MidiPortSelector.Resolve(names, port, "input");
            client.OpenPort(index, "in");
            return new RtMidiInputPort(client, queue, names[index], isVirtual: false, clientName, WatchInterval);
        });

    /// <summary>Creates a virtual input port that other programs (a keyboard, a DAW) connect to.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system cannot create virtual ports (Windows MM) or is not available.</exception>
    public static MidiInputPort CreateVirtualInput(MidiApi api, string portName, MidiInputOptions? options = null, string clientName = DefaultClientName)
    {
        ThrowIfNoVirtualPorts(api);
        if (api == MidiApi.Jack)
        {
            return JackMidiInputPort.Open(clientName, portName, source: null, options ?? MidiInputOptions.Default);
        }

        return CreateInput(api, options, clientName, (client, queue) =>
        {
            client.OpenVirtualPort(portName);
            return new RtMidiInputPort(client, queue, $"{clientName}:{portName}", isVirtual: true, clientName, WatchInterval);
        });
    }

    private static MidiInputPort CreateInput(MidiApi api, MidiInputOptions? options, string clientName, Func<RtMidiClient, MidiInputQueue, MidiInputPort> open)
    {
        options ??= MidiInputOptions.Default;
        var queue = new MidiInputQueue(options.QueueCapacity);
        RtMidiClient client = RtMidiClient.CreateInput(api, clientName, RtMidiQueueLimit);
        try
        {
            var handle = (RtMidiInHandle)client.Handle;

            // The callback goes in before the port opens, so no message lands in RtMidi's own queue.
            RtMidiNative.rtmidi_in_set_callback(handle, RtMidiInputCallback.Pointer, (void*)handle.KeepInputTarget(queue));
            client.Check("rtmidi_in_set_callback");
            RtMidiNative.rtmidi_in_ignore_types(handle, !options.ReceiveSysex, !options.ReceiveClock, !options.ReceiveActiveSensing);
            return open(client, queue);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static void ThrowIfNoVirtualPorts(MidiApi api)
    {
        if (api == MidiApi.WindowsMM || (api == MidiApi.Unspecified && OperatingSystem.IsWindows()))
        {
            throw new MidiDeviceException(
                "Windows MM cannot create virtual MIDI ports: install a loopback driver such as loopMIDI (https://www.tobias-erichsen.de/software/loopmidi.html), create a port there, and open it by name instead.");
        }
    }
}
