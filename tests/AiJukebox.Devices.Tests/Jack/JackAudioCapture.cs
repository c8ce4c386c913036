using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>
/// A JACK audio input of the tests' own (libjack directly): its process callback copies every
/// period into a preallocated buffer and notes when that callback ran (<c>jack_get_time</c>), so
/// each captured sample has a time on the <see cref="Stopwatch"/> clock the performer and the tests
/// use: the time the period's audio was computed, which is when a synth upstream in the same cycle
/// picked up what it was sent. (The dummy backend's frame clock, <c>jack_frames_to_time</c>, drifts
/// from the wall clock when a loaded machine makes it skip cycles, so it is not used.)
/// </summary>
internal sealed unsafe partial class JackAudioCapture : IDisposable
{
    private readonly nint _client;
    private readonly nint _port;
    private readonly GCHandle _self;
    private readonly float* _samples;
    private readonly int _capacity;
    private readonly (int Sample, ulong Microseconds)[] _periods;
    private int _skipped;
    private uint _lastFrame;
    private readonly long _stopwatchMinusJackTicks;
    private int _count;
    private int _periodCount;
    private volatile bool _recording;

    public JackAudioCapture(string clientName, double seconds)
    {
        _client = JackClientApi.ClientOpen(clientName, JackClientApi.NoStartServer, out var status);
        if (_client == 0)
        {
            throw new InvalidOperationException($"jack_client_open failed (status 0x{status:x}); is the JACK server running?");
        }

        SampleRate = (int)JackClientApi.GetSampleRate(_client);
        _capacity = (int)(seconds * SampleRate);
        _samples = (float*)NativeMemory.AllocZeroed((nuint)_capacity, sizeof(float));
        _periods = new (int, ulong)[(_capacity / 16) + 1];
        Name = Marshal.PtrToStringUTF8(JackClientApi.GetClientName(_client))!;
        _port = JackClientApi.PortRegister(_client, "in", "32 bit float mono audio", JackClientApi.PortIsInput, 0);
        // JACK's microsecond clock against the Stopwatch, read back to back (both are CLOCK_MONOTONIC on Linux; the offset is measured, not assumed).
        var before = Stopwatch.GetTimestamp();
        var jack = JackClientApi.GetTime();
        var after = Stopwatch.GetTimestamp();
        _stopwatchMinusJackTicks = ((before + after) / 2) - (long)(jack * (ulong)Stopwatch.Frequency / 1_000_000);
        _self = GCHandle.Alloc(this);
        JackClientApi.Check(JackClientApi.SetProcessCallback(_client, &Process, GCHandle.ToIntPtr(_self)), "jack_set_process_callback");
        JackClientApi.Check(JackClientApi.Activate(_client), "jack_activate");
    }

    public string Name { get; }

    public string PortName => $"{Name}:in";

    public int SampleRate { get; }

    /// <summary>Samples captured so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Cycles the server skipped while recording (xruns: gaps in the captured audio).</summary>
    public int SkippedPeriods => Volatile.Read(ref _skipped);

    /// <summary>Starts keeping what arrives (a period at a time).</summary>
    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public void Connect(string source) => JackClientApi.Check(JackClientApi.Connect(_client, source, PortName), $"jack_connect {source} -> {PortName}");

    /// <summary>The samples captured so far (a copy).</summary>
    public float[] Samples() => new ReadOnlySpan<float>(_samples, Count).ToArray();

    /// <summary>The Stopwatch time of a captured sample: when its period's callback ran, plus its offset in the period.</summary>
    public long TicksOf(int sample)
    {
        var periods = Volatile.Read(ref _periodCount);
        var i = Array.BinarySearch(_periods, 0, periods, (sample, ulong.MaxValue), Comparer<(int Sample, ulong Microseconds)>.Create((a, b) => a.Sample.CompareTo(b.Sample)));
        i = i >= 0 ? i : Math.Max(0, ~i - 1);
        var (first, microseconds) = _periods[i];
        var jackTicks = (long)(microseconds * (ulong)Stopwatch.Frequency / 1_000_000) + ((sample - first) * Stopwatch.Frequency / SampleRate);
        return jackTicks + _stopwatchMinusJackTicks;
    }

    public void Dispose()
    {
        _ = JackClientApi.Deactivate(_client);
        _ = JackClientApi.ClientClose(_client);
        _self.Free();
        NativeMemory.Free(_samples);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint frames, nint arg)
    {
        var self = (JackAudioCapture)GCHandle.FromIntPtr(arg).Target!;
        if (!self._recording || self._count + (int)frames > self._capacity || self._periodCount >= self._periods.Length)
        {
            return 0;
        }

        var buffer = (float*)JackClientApi.PortGetBuffer(self._port, frames);
        var at = self._count;
        new ReadOnlySpan<float>(buffer, (int)frames).CopyTo(new Span<float>(self._samples + at, (int)frames));
        var frame = JackClientApi.LastFrameTime(self._client);
        if (self._periodCount > 0 && frame != self._lastFrame + frames)
        {
            self._skipped++;
        }

        self._lastFrame = frame;
        self._periods[self._periodCount] = (at, JackClientApi.GetTime());
        Volatile.Write(ref self._periodCount, self._periodCount + 1);
        Volatile.Write(ref self._count, at + (int)frames);
        return 0;
    }
}
