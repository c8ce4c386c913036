using System.Diagnostics;
using System.Globalization;

using AiJukebox.Devices;
using AiJukebox.Devices.Bench;
using AiJukebox.Music.Realtime;

// Measures the RtMidi/JACK path of AiJukebox.Devices on a private JACK dummy server:
//  1. latency: Send() call -> arrival in our RtMidi JACK input's queue (Stopwatch on both ends);
//  2. bursts: N messages sent as fast as Send() returns, counted (and order-checked) at the reader.
// Usage: dotnet run -c Release --project tests/AiJukebox.Devices.Bench [-- --period 64] [--sync] [--count 2000]
int period = Arg("--period", 64);
int count = Arg("--count", 2000);
bool sync = args.Contains("--sync");

using var server = new PrivateJackServer(period, sync);
using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", "bench");
using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, "bench:out", new MidiInputOptions { QueueCapacity = 1 << 17 }, "benchreader");
Handshake();

Console.WriteLine($"JACK dummy backend, 48000 Hz, period {period} frames ({period / 48.0:0.##} ms), {(sync ? "sync" : "async")} mode, {Environment.ProcessorCount} CPUs");

// 1. Latency: one message every 2.5 ms plus a varying offset, so sends land on every phase of the period.
var sent = new long[count];
var start = Stopwatch.GetTimestamp();
for (int i = 0; i < count; i++)
{
    long due = start + (long)((i * 2.5 + ((i * 7919) % 1000) / 1000.0) * Stopwatch.Frequency / 1000);
    while (Stopwatch.GetTimestamp() < due)
    {
        if (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 1000)
        {
            Thread.Sleep(0);
        }
    }

    sent[i] = Stopwatch.GetTimestamp();
    output.Send([0x90, (byte)(i >> 7 & 0x7F), (byte)(i & 0x7F)]);
}

var latencies = new List<double>(count);
var deadline = Stopwatch.StartNew();
while (latencies.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(5))
{
    if (input.TryRead(out MidiInputMessage m))
    {
        int i = (m.Bytes[1] << 7) | m.Bytes[2];
        latencies.Add(Stopwatch.GetElapsedTime(sent[i], m.Timestamp).TotalMilliseconds);
    }
}

latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency send->JACK reader, {latencies.Count}/{count} arrived: mean {latencies.Average():0.000} ms, p50 {Pct(0.50):0.000} ms, p99 {Pct(0.99):0.000} ms, max {latencies[^1]:0.000} ms"));

// 2. Bursts. The index travels in the channel nibble and both data bytes (18 bits), so every message is identifiable.
foreach (int size in new[] { 100, 1_000, 10_000, 100_000 })
{
    var seen = new bool[size];
    int received = 0, duplicates = 0, reordered = 0;
    long lastArrival = 0;
    var reader = new Thread(() =>
    {
        int highest = -1;
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(2) && received - duplicates < size)
        {
            if (input.TryRead(out MidiInputMessage m))
            {
                int i = ((m.Status & 0x0F) << 14) | (m.Bytes[1] << 7) | m.Bytes[2];
                received++;
                duplicates += seen[i] ? 1 : 0;
                reordered += !seen[i] && i < highest ? 1 : 0;
                seen[i] = true;
                highest = Math.Max(highest, i);
                lastArrival = m.Timestamp;
                quiet.Restart();
            }
        }
    })
    { Name = "bench reader" };
    reader.Start();
    long first = Stopwatch.GetTimestamp();
    for (int i = 0; i < size; i++)
    {
        output.Send([(byte)(0x80 | (i >> 14)), (byte)((i >> 7) & 0x7F), (byte)(i & 0x7F)]);
    }

    double sendSeconds = Stopwatch.GetElapsedTime(first).TotalSeconds;
    reader.Join();
    int distinct = received - duplicates;
    double allSeconds = Stopwatch.GetElapsedTime(first, lastArrival).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"burst {size,7}: Send() returned at {size / sendSeconds,10:0} msg/s; arrived {distinct}/{size} (lost {size - distinct}, duplicated {duplicates}, out of order {reordered}) within {allSeconds * 1000:0.0} ms = {distinct / allSeconds:0} msg/s delivered"));
}

Console.WriteLine($"input queue drops: {input.DroppedCount}; jackd xrun reports: {server.XrunReports}");
return 0;

double Pct(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

int Arg(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

void Handshake()
{
    var waited = Stopwatch.StartNew();
    while (!input.TryRead(out _))
    {
        output.Send([0xBF, 0x7F, 0x7F]);
        Thread.Sleep(20);
        if (waited.Elapsed > TimeSpan.FromSeconds(15))
        {
            throw new TimeoutException("no data reached the reader");
        }
    }

    Thread.Sleep(100);
    while (input.TryRead(out _))
    {
    }
}
