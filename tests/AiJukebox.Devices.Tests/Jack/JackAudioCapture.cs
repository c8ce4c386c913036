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
    private const int JackNoStartServer = 0x01;
    private const nuint JackPortIsInput = 0x1;

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
        _client = ClientOpen(clientName, JackNoStartServer, out var status);
        if (_client == 0)
        {
            throw new InvalidOperationException($"jack_client_open failed (status 0x{status:x}); is the JACK server running?");
        }

        SampleRate = (int)GetSampleRate(_client);
        _capacity = (int)(seconds * SampleRate);
        _samples = (float*)NativeMemory.AllocZeroed((nuint)_capacity, sizeof(float));
        _periods = new (int, ulong)[(_capacity / 16) + 1];
        Name = Marshal.PtrToStringUTF8(GetClientName(_client))!;
        _port = PortRegister(_client, "in", "32 bit float mono audio", JackPortIsInput, 0);
        // JACK's microsecond clock against the Stopwatch, read back to back (both are CLOCK_MONOTONIC on Linux; the offset is measured, not assumed).
        var before = Stopwatch.GetTimestamp();
        var jack = GetTime();
        var after = Stopwatch.GetTimestamp();
        _stopwatchMinusJackTicks = ((before + after) / 2) - (long)(jack * (ulong)Stopwatch.Frequency / 1_000_000);
        _self = GCHandle.Alloc(this);
        Check(SetProcessCallback(_client, &Process, GCHandle.ToIntPtr(_self)), "jack_set_process_callback");
        Check(Activate(_client), "jack_activate");
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

    public void Connect(string source) => Check(JackConnect(_client, source, PortName), $"jack_connect {source} -> {PortName}");

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
        _ = Deactivate(_client);
        _ = ClientClose(_client);
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

        var buffer = (float*)PortGetBuffer(self._port, frames);
        var at = self._count;
        new ReadOnlySpan<float>(buffer, (int)frames).CopyTo(new Span<float>(self._samples + at, (int)frames));
        var frame = LastFrameTime(self._client);
        if (self._periodCount > 0 && frame != self._lastFrame + frames)
        {
            self._skipped++;
        }

        self._lastFrame = frame;
        self._periods[self._periodCount] = (at, GetTime());
        Volatile.Write(ref self._periodCount, self._periodCount + 1);
        Volatile.Write(ref self._count, at + (int)frames);
        return 0;
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result}).");
        }
    }

    // jack_client_open is variadic; with no extra arguments the fixed-argument call is ABI-compatible on x86-64 and arm64 Linux.
    [LibraryImport("libjack.so.0", EntryPoint = "jack_client_open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint ClientOpen(string name, int options, out int status);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_client_name")]
    private static partial nint GetClientName(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_sample_rate")]
    private static partial uint GetSampleRate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_port_register", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint PortRegister(nint client, string name, string type, nuint flags, nuint bufferSize);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_set_process_callback")]
    private static partial int SetProcessCallback(nint client, delegate* unmanaged[Cdecl]<uint, nint, int> callback, nint arg);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_activate")]
    private static partial int Activate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_deactivate")]
    private static partial int Deactivate(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_client_close")]
    private static partial int ClientClose(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_connect", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int JackConnect(nint client, string source, string destination);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_port_get_buffer")]
    private static partial nint PortGetBuffer(nint port, uint frames);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_last_frame_time")]
    private static partial uint LastFrameTime(nint client);

    [LibraryImport("libjack.so.0", EntryPoint = "jack_get_time")]
    private static partial ulong GetTime();

}
