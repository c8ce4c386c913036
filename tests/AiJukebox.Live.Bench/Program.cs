using System.Diagnostics;
using System.Globalization;

using AiJukebox.Devices;
using AiJukebox.Devices.Bench;
using AiJukebox.Live.Bench;
using AiJukebox.Music;

// Measures how close to schedule `aijukebox play` lands its notes on a private JACK dummy server
// (48 kHz, 64-frame period), the way the platform notes' reference did: a receiver that stamps
// each event with jack_frames_to_time. In the same run, for comparison:
//  - a reference sender: a bare thread sending a note every 125 ms at absolute deadlines through
//    the same RtMidi output code, no model, no performer;
//  - jack_midi_dump -a on the same connections (raw frame counts, which the platform notes found
//    unreliable on the dummy backend in non-realtime mode).
// Usage (after `dotnet build -c Release`):
//   dotnet run -c Release --project tests/AiJukebox.Live.Bench [-- --seconds 60] [--tempo 120] [--sync]
//     [--aijukebox PATH] [--play-args "--engine torch"]
var seconds = Arg("--seconds", "60");
var tempo = double.Parse(Arg("--tempo", "120"), CultureInfo.InvariantCulture);
var root = RepositoryRoot();
var aijukebox = Arg("--aijukebox", Path.Combine(root, "src", "AiJukebox", "bin", "Release", "net10.0", "aijukebox"));
var extra = Arg("--play-args", "");
var work = Directory.CreateTempSubdirectory("aijukebox-live-bench-").FullName;

using var server = new PrivateJackServer(64, args.Contains("--sync"));
using var listener = new JackFrameClockListener("timing", 1 << 16);
using var dump = Dump.Start("timingdump");
Console.WriteLine($"JACK dummy backend, 48000 Hz, 64-frame period (1.33 ms), {(args.Contains("--sync") ? "sync" : "async")} mode, {Environment.ProcessorCount} CPUs, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

// 1. The reference sender.
using (var reference = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", "timingref"))
{
    ConnectBoth("timingref:out");
    Thread.Sleep(500);
    listener.Clear();
    dump.Clear();
    const int Count = 240;
    var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
    var message = new byte[] { 0x90, 60, 100 };
    for (var i = 0; i < Count; i++)
    {
        var due = start + (long)(i * 0.125 * Stopwatch.Frequency);
        while (due - Stopwatch.GetTimestamp() > Stopwatch.Frequency / 500)
        {
            Thread.Sleep(1);
        }

        while (Stopwatch.GetTimestamp() < due)
        {
        }

        message[1] = (byte)(36 + (i % 48));
        reference.Send(message);
    }

    Thread.Sleep(300);
    var scheduled = Enumerable.Range(0, Count).Select(i => i * 125.0).ToList();
    Report("reference sender (no model)", "frames_to_time", scheduled, NoteOns(listener.Stamps).Select(s => s.Microseconds / 1000.0).ToList());
    Report("reference sender (no model)", "callback wall clock", scheduled, NoteOns(listener.Stamps).Select(s => s.WokenMicroseconds / 1000.0).ToList());
    Report("reference sender (no model)", "jack_midi_dump -a", scheduled, dump.NoteOnFrames().Select(f => f / 48.0).ToList());
}

Console.WriteLine($"jackd xrun reports so far: {server.XrunReports}");
var xrunsBefore = server.XrunReports;

// 2. aijukebox play with the shipped model (or --play-args), recorded so the schedule is known.
listener.Clear();
dump.Clear();
var take = Path.Combine(work, "take.mid");
var play = new ProcessStartInfo(aijukebox) { RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var arg in (string[])["play", "--api", "jack", "--virtual", "timingsrc", "--wait", "3", "--duration", seconds, "--tempo", tempo.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--record", take, "--quiet", .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)])
{
    play.ArgumentList.Add(arg);
}

using var player = Process.Start(play)!;
var stderr = player.StandardError.ReadToEndAsync();
var stdout = player.StandardOutput.ReadToEndAsync();
WaitForPort("aijukebox:timingsrc");
ConnectBoth("aijukebox:timingsrc");
player.WaitForExit();
Thread.Sleep(300);
Console.WriteLine((await stdout).Trim());
Console.WriteLine((await stderr).Trim());
if (player.ExitCode != 0)
{
    Console.WriteLine($"aijukebox play exited with {player.ExitCode}");
    return 1;
}

var beatMs = 60_000.0 / tempo;
var jukebox = MidiFileImporter.Read(take, ImportOptions.Default with { Track = 2, Sustain = false }).Pieces[0].Notes;
var plan = jukebox.Select(n => n.Start * beatMs).Order().ToList();
Report("aijukebox play", "frames_to_time", plan, NoteOns(listener.Stamps).Select(s => s.Microseconds / 1000.0).ToList());
Report("aijukebox play", "callback wall clock", plan, NoteOns(listener.Stamps).Select(s => s.WokenMicroseconds / 1000.0).ToList());
Report("aijukebox play", "jack_midi_dump -a", plan, dump.NoteOnFrames().Select(f => f / 48.0).ToList());
Console.WriteLine($"jackd xrun reports while aijukebox played: {server.XrunReports - xrunsBefore}");
Directory.Delete(work, recursive: true);
return 0;

void ConnectBoth(string source)
{
    listener.Connect(source);
    Jack("jack_connect", source, dump.Port);
}

static void WaitForPort(string port)
{
    var waited = Stopwatch.StartNew();
    while (!Jack("jack_lsp").Contains(port, StringComparison.Ordinal))
    {
        if (waited.Elapsed > TimeSpan.FromSeconds(30))
        {
            throw new TimeoutException($"{port} did not appear; jack_lsp shows: {Jack("jack_lsp").ReplaceLineEndings(", ")}");
        }

        Thread.Sleep(50);
    }
}

static IEnumerable<JackFrameClockListener.Stamp> NoteOns(IEnumerable<JackFrameClockListener.Stamp> stamps) =>
    stamps.Where(s => (s.Status & 0xF0) == 0x90 && s.Data2 > 0);

static void Report(string who, string how, List<double> scheduled, List<double> arrived)
{
    if (scheduled.Count != arrived.Count || scheduled.Count == 0)
    {
        Console.WriteLine($"{who}, {how}: {arrived.Count} note-ons arrived for {scheduled.Count} scheduled; not comparable");
        return;
    }

    var offsets = arrived.Zip(scheduled, (a, s) => a - s).ToList();
    var median = offsets.Order().ElementAt(offsets.Count / 2);
    var spread = offsets.Select(d => Math.Abs(d - median)).Order().ToList();
    if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
    {
        Console.WriteLine(string.Join(" ", offsets.Select(d => (d - median).ToString("0.00", CultureInfo.InvariantCulture))));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{who}, {how}: {spread.Count} note-ons, |arrival - schedule - median offset| p50 {Pct(spread, 0.50):0.000} ms, p99 {Pct(spread, 0.99):0.000} ms, max {spread[^1]:0.000} ms"));

    // A clock that runs at another rate (the dummy backend's frame counter loses frames at
    // xruns) shows as a slope; the residuals of a straight-line fit are the jitter without it.
    var n = scheduled.Count;
    var meanS = scheduled.Average();
    var meanA = arrived.Average();
    var slope = scheduled.Zip(arrived, (x, y) => (x - meanS) * (y - meanA)).Sum() / scheduled.Sum(x => (x - meanS) * (x - meanS));
    var residuals = scheduled.Zip(arrived, (x, y) => y - (meanA + (slope * (x - meanS)))).ToList();
    var residualMedian = residuals.Order().ElementAt(n / 2);
    var fitted = residuals.Select(r => Math.Abs(r - residualMedian)).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{who}, {how}, after a straight-line fit (rate {slope:0.00000}): p50 {Pct(fitted, 0.50):0.000} ms, p99 {Pct(fitted, 0.99):0.000} ms, max {fitted[^1]:0.000} ms"));
}

static double Pct(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

static string Jack(string tool, params string[] arguments)
{
    var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var text = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return text;
}

string Arg(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static string RepositoryRoot()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AiJukebox.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? throw new InvalidOperationException("AiJukebox.sln not found above the bench folder.");
}
