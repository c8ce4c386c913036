using System.Diagnostics;
using System.Runtime.InteropServices;

using AiJukebox.Devices.Interop;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// One JACK client with one MIDI port: opening with clear errors, the process callback (which
/// hands each cycle to the port's <see cref="JackProcessor"/> and measures its own duration), and
/// the server's notifications (shutdown, xruns, ports going away, latency), which are turned into
/// reports on a thread of its own so JACK's threads only set flags.
/// </summary>
internal sealed unsafe partial class JackClient : IDisposable
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RecheckWindow = TimeSpan.FromSeconds(2);
    private readonly JackClientHandle _handle;
    private readonly nint _client;
    private readonly GCHandle _self;
    private readonly AutoResetEvent _notified = new(false);
    private readonly Thread _notifier;
    private JackProcessor? _processor;
    private nint _port;
    private uint _latencyFrames;
    private long _xruns;
    private int _portsChanged;
    private int _shutdown;
    private string? _shutdownReason;
    private string? _watchedPeer;
    private volatile bool _closing;

    private JackClient(JackClientHandle handle)
    {
        _handle = handle;
        _client = handle.Pointer;
        Name = Marshal.PtrToStringUTF8((nint)JackNative.jack_get_client_name(handle)) ?? "";
        _self = GCHandle.Alloc(this);
        _notifier = new Thread(Notify) { IsBackground = true, Name = $"JACK notifications {Name}" };
    }

    /// <summary>Raised once, on the notification thread, when the server shuts down or the watched peer port disappears.</summary>
    public event Action<string>? Lost;

    /// <summary>The client's name as JACK gave it (JACK appends a number when the name was taken).</summary>
    public string Name { get; }

    /// <summary>The port's full name, <c>client:port</c>.</summary>
    public string PortName { get; private set; } = "";

    /// <summary>Converts between the Stopwatch and JACK's clock.</summary>
    public JackClock Clock { get; private set; } = null!;

    /// <summary>xruns reported by the server since the client opened.</summary>
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <summary>Whether the server has shut down (the client is a zombie; nothing more is processed).</summary>
    public bool IsShutDown => Volatile.Read(ref _shutdown) != 0;

    /// <summary>The process callback's own duration per cycle (1 µs buckets up to 10 ms).</summary>
    public LatenessHistogram CallbackDurations { get; } = new(Stopwatch.Frequency, bucketMilliseconds: 0.001, rangeMilliseconds: 10);

    /// <summary>The period in frames (the output's constant latency).</summary>
    public uint BufferSize => JackNative.jack_get_buffer_size(_handle);

    /// <summary>Frames per second.</summary>
    public uint SampleRate => JackNative.jack_get_sample_rate(_handle);

    /// <summary>
    /// Opens a client named <paramref name="clientName"/> with one MIDI port, its processor made by
    /// <paramref name="processor"/> (given the client's clock), and activates it.
    /// </summary>
    /// <exception cref="MidiLibraryNotFoundException">libjack is not installed.</exception>
    /// <exception cref="MidiDeviceException">No server runs, or JACK refused a call (the message names it).</exception>
    public static JackClient Open(string clientName, string portName, bool isInput, Func<JackClock, JackProcessor> processor)
    {
        JackLibrary.EnsureLoaded();
        JackMessages.Clear();
        JackClientHandle handle = JackNative.jack_client_open(clientName, JackNative.NoStartServer, out int status);
        if (handle.IsInvalid)
        {
            handle.SetHandleAsInvalid();
            throw new MidiDeviceException((status & JackNative.StatusServerFailed) != 0
                ? $"No JACK server is running{ServerNote()}: start one (jackd, qjackctl, or PipeWire with pipewire-jack) or choose another MIDI API."
                : $"JACK refused the client '{clientName}' (jack_client_open failed, status 0x{status:x}{LastError()}).");
        }

        var client = new JackClient(handle);
        try
        {
            client.Clock = JackClock.For(Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER"));
            client._processor = processor(client.Clock);
            client.Register(portName, isInput);
            client.InstallCallbacks();
            Check(JackNative.jack_activate(handle), "jack_activate");
            client._notifier.Start();
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The full names of the MIDI ports of the graph that match <paramref name="flags"/> (JackPortIsInput: destinations).</summary>
    public List<string> MidiPorts(uint flags)
    {
        byte** names = JackNative.jack_get_ports(_handle, null, JackNative.MidiType, new CULong(flags));
        var result = new List<string>();
        if (names == null)
        {
            return result;
        }

        try
        {
            for (var i = 0; names[i] != null; i++)
            {
                var name = Marshal.PtrToStringUTF8((nint)names[i]) ?? "";
                if (!name.StartsWith(Name + ":", StringComparison.Ordinal))
                {
                    result.Add(name);
                }
            }
        }
        finally
        {
            JackNative.jack_free(names);
        }

        return result;
    }

    /// <summary>Connects <paramref name="source"/> to <paramref name="destination"/> and, from now on, reports it when <paramref name="peer"/> disappears.</summary>
    /// <exception cref="MidiDeviceException">JACK refused.</exception>
    public void Connect(string source, string destination, string peer)
    {
        JackMessages.Clear();
        var result = JackNative.jack_connect(_handle, source, destination);
        const int AlreadyConnected = 17; // EEXIST
        if (result != 0 && result != AlreadyConnected)
        {
            throw new MidiDeviceException($"JACK could not connect '{source}' to '{destination}' (jack_connect returned {result}{LastError()}).");
        }

        Volatile.Write(ref _watchedPeer, peer);
    }

    /// <summary>Whether a port of that full name exists now.</summary>
    public bool PortExists(string name) => JackNative.jack_port_by_name(_handle, name) != 0;

    /// <summary>Waits (at most <paramref name="timeout"/>) until <paramref name="done"/> holds; for closing an output after its last messages.</summary>
    public void WaitWhileRunning(Func<bool> done, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!IsShutDown && !done() && waited.Elapsed < timeout)
        {
            Thread.Sleep(1);
        }
    }

    /// <summary>Closes the client (deactivating it waits for a running process callback), then frees what its callbacks use.</summary>
    public void Dispose()
    {
        _closing = true;
        _notified.Set();
        if (_notifier.IsAlive && Thread.CurrentThread != _notifier)
        {
            _notifier.Join(TimeSpan.FromSeconds(5));
        }

        _handle.Dispose();
        _self.Free();
        _notified.Dispose();
    }

    internal static void Check(int result, string function)
    {
        if (result != 0)
        {
            throw new MidiDeviceException($"JACK error: {function} failed ({result}{LastError()}).");
        }
    }

    private static string LastError() => JackMessages.LastError is { } error ? $": {error}" : "";

    private static string ServerNote() =>
        Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER") is { Length: > 0 } server ? $" (server '{server}', from JACK_DEFAULT_SERVER)" : "";

    private void Register(string portName, bool isInput)
    {
        _port = JackNative.jack_port_register(_handle, portName, JackNative.MidiType, new CULong(isInput ? JackNative.PortIsInput : JackNative.PortIsOutput), new CULong(0));
        if (_port == 0)
        {
            throw new MidiDeviceException($"JACK could not register the port '{Name}:{portName}' (jack_port_register failed{LastError()}); is the name taken?");
        }

        PortName = Marshal.PtrToStringUTF8((nint)JackNative.jack_port_name(_port)) ?? $"{Name}:{portName}";
        if (!isInput)
        {
            // Every message is written one period after its time: what JACK calls capture latency,
            // so a DAW recording this port can shift it back.
            _latencyFrames = BufferSize;
            ReportLatency();
        }
    }

    private void ReportLatency()
    {
        var range = new JackNative.LatencyRange { Min = _latencyFrames, Max = _latencyFrames };
        JackNative.jack_port_set_latency_range(_port, JackNative.CaptureLatency, &range);
    }

    private void InstallCallbacks()
    {
        var self = GCHandle.ToIntPtr(_self);
        Check(JackNative.jack_set_process_callback(_handle, &OnProcess, self), "jack_set_process_callback");
        JackNative.jack_on_info_shutdown(_handle, &OnShutdown, self);
        Check(JackNative.jack_set_xrun_callback(_handle, &OnXrun, self), "jack_set_xrun_callback");
        Check(JackNative.jack_set_port_registration_callback(_handle, &OnPortRegistration, self), "jack_set_port_registration_callback");
        if (_latencyFrames != 0)
        {
            Check(JackNative.jack_set_latency_callback(_handle, &OnLatency, self), "jack_set_latency_callback");
        }
    }

    private void Notify()
    {
        // A port's unregistration can be announced a moment before the graph stops listing it, so
        // after each announcement the peer is looked for again for a while.
        var recheckUntil = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rechecking = recheckUntil > clock.Elapsed;
            _notified.WaitOne(rechecking ? RecheckInterval : Timeout.InfiniteTimeSpan);
            if (_closing)
            {
                return;
            }

            if (Interlocked.Exchange(ref _portsChanged, 0) != 0)
            {
                recheckUntil = clock.Elapsed + RecheckWindow;
            }

            string? lost = null;
            if (IsShutDown)
            {
                lost = $"The JACK server shut down{(Volatile.Read(ref _shutdownReason) is { Length: > 0 } reason ? $" ({reason})" : "")}; start it again, then restart the music.";
            }
            else if (recheckUntil > clock.Elapsed && Volatile.Read(ref _watchedPeer) is { } peer && !PortExists(peer))
            {
                lost = $"MIDI port '{peer}' disappeared (device unplugged or program closed); reopen it when it is back.";
            }

            if (lost is not null)
            {
                try
                {
                    Lost?.Invoke(lost);
                }
                catch (Exception)
                {
                    // A subscriber's exception has nowhere to go on this thread.
                }

                return;
            }
        }
    }
}
