using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using AiJukebox.Devices.Tests.Jack;

namespace AiJukebox.Live.Bench;

/// <summary>
/// A JACK MIDI input of its own (libjack directly, not RtMidi) that stamps every event with
/// <c>jack_frames_to_time(last_frame_time + event.time)</c>: the time, in JACK's microsecond
/// clock, of the frame the event sits on. This is the receiver the platform notes' reference
/// measurement used; it does not depend on when the process callback happened to be woken.
/// </summary>
internal sealed unsafe partial class JackFrameClockListener : IDisposable
{
    private const int JackNoStartServer = 0x01;
    private const nuint JackPortIsInput = 0x1;

    private readonly nint _client;
    private readonly nint _port;
    private readonly GCHandle _self;
    private readonly Stamp[] _stamps;
    private readonly uint _sampleRate;
    private int _count;
    private long _lost;

    public JackFrameClockListener(string clientName, int capacity)
    {
        _stamps = new Stamp[capacity];
        _client = JackClientApi.ClientOpen(clientName, JackNoStartServer, out var status);
        if (_client == 0)
        {
            throw new InvalidOperationException($"jack_client_open failed (status 0x{status:x}); is the JACK server running?");
        }

        Name = Marshal.PtrToStringUTF8(JackClientApi.GetClientName(_client))!;
        _sampleRate = JackClientApi.GetSampleRate(_client);
        _port = JackClientApi.PortRegister(_client, "in", "8 bit raw midi", JackPortIsInput, 0);
        _self = GCHandle.Alloc(this);
        JackClientApi.Check(JackClientApi.SetProcessCallback(_client, &Process, GCHandle.ToIntPtr(_self)), "jack_set_process_callback");
        JackClientApi.Check(JackClientApi.Activate(_client), "jack_activate");
    }

    /// <summary>The client's name; its port is <c>Name:in</c>.</summary>
    public string Name { get; }

    public string PortName => $"{Name}:in";

    /// <summary>Events stamped so far (a snapshot).</summary>
    public Stamp[] Stamps => _stamps[..Volatile.Read(ref _count)];

    public void Connect(string source) => JackClientApi.Check(JackClientApi.Connect(_client, source, PortName), $"jack_connect {source} -> {PortName}");

    /// <summary>Events JACK reported lost at this input (jack_midi_get_lost_event_count), since the last <see cref="Clear"/>.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public void Clear()
    {
        Volatile.Write(ref _count, 0);
        Interlocked.Exchange(ref _lost, 0);
    }

    public void Dispose()
    {
        _ = JackClientApi.Deactivate(_client);
        _ = JackClientApi.ClientClose(_client);
        _self.Free();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint frames, nint arg)
    {
        var self = (JackFrameClockListener)GCHandle.FromIntPtr(arg).Target!;
        var buffer = JackClientApi.PortGetBuffer(self._port, frames);
        var events = MidiGetEventCount(buffer);
        var lost = MidiGetLostEventCount(buffer);
        if (lost != 0)
        {
            Interlocked.Add(ref self._lost, lost);
        }

        var cycleStart = JackClientApi.LastFrameTime(self._client);
        var woken = JackClientApi.GetTime();
        for (uint i = 0; i < events; i++)
        {
            MidiEvent e;
            if (MidiEventGet(&e, buffer, i) != 0 || e.Size == 0 || self._count >= self._stamps.Length)
            {
                continue;
            }

            var b = (byte*)e.Buffer;
            self._stamps[self._count] = new Stamp(
                JackClientApi.FramesToTime(self._client, cycleStart + e.Time),
                cycleStart + e.Time,
                woken + (ulong)(e.Time * 1_000_000UL / self._sampleRate),
                b[0],
                e.Size > 1 ? b[1] : (byte)0,
                e.Size > 2 ? b[2] : (byte)0);
            Volatile.Write(ref self._count, self._count + 1);
        }

        return 0;
    }

    /// <summary>
    /// One received message: the JACK time of its frame (µs), the frame, the wall-clock time
    /// (µs, jack_get_time) at which this cycle's callback ran plus the event's offset into the
    /// cycle, and the message's bytes.
    /// </summary>
    internal readonly record struct Stamp(ulong Microseconds, uint Frame, ulong WokenMicroseconds, byte Status, byte Data1, byte Data2);

    [StructLayout(LayoutKind.Sequential)]
    private struct MidiEvent
    {
        public uint Time;
        public nuint Size;
        public nint Buffer;
    }

    [LibraryImport("libjack.so.0", EntryPoint = "jack_midi_get_event_count")]
    private static partial uint MidiGetEventCount(nint buffer);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_midi_event_get")]
    private static partial int MidiEventGet(MidiEvent* e, nint buffer, uint index);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_midi_get_lost_event_count")]
    private static partial uint MidiGetLostEventCount(nint buffer);

}
