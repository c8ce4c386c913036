using System.Diagnostics;
using System.Globalization;

using AiJukebox.Devices;
using AiJukebox.Devices.Bench;
using AiJukebox.Live.Bench;
using AiJukebox.Music;

// Measures how close to schedule notes land on a private JACK dummy server (48 kHz, period of
// --period frames), read by a JACK client of its own that stamps every event by its frame
// (jack_frames_to_time(last_frame_time + event.time)) and, independently, by jack_midi_dump -a
// (raw frame counts). In the same run:
//  - reference senders, bare threads sending a note every 125 ms: one through RtMidi's JACK output
//    at exact deadlines (sleep, then spin), one through AI Jukebox's JACK client with TrySendAt
//    (handed over ScheduleAhead early, as the performer does, and placed at its frame by the process callback);
//  - `aijukebox play` with the shipped model, through each --play-apis (default: jack, then
//    rtmidi-jack), its take recorded so the schedule is known.
// Each run reports xruns (jackd's own reports), events lost at the reader, and, for AI Jukebox's
// client, the process callback's duration and undelivered events.
// Usage (after `dotnet build -c Release`):
//   dotnet run -c Release --project tests/AiJukebox.Live.Bench [-- --seconds 60] [--period 64] [--tempo 120] [--sync]
//     [--play-apis jack,rtmidi-jack] [--reference-notes 240] [--aijukebox PATH] [--play-args "--engine torch"]
var seconds = Arg("--seconds", "60");
var period = int.Parse(Arg("--period", "64"), CultureInfo.InvariantCulture);
var tempo = double.Parse(Arg("--tempo", "120"), CultureInfo.InvariantCulture);
var referenceNotes = int.Parse(Arg("--reference-notes", "240"), CultureInfo.InvariantCulture);
var playApis = Arg("--play-apis", "jack,rtmidi-jack").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var root = RepositoryRoot();
var aijukebox = Arg("--aijukebox", Path.Combine(root, "src", "AiJukebox", "bin", "Release", "net10.0", "aijukebox"));
var extra = Arg("--play-args", "");
var sync = args.Contains("--sync");
var work = Directory.CreateTempSubdirectory("aijukebox-live-bench-").FullName;
const double Rate = 48_000;

using var server = new PrivateJackServer(period, sync);
using var listener = new JackFrameClockListener("timing", 1 << 16);
using var dump = Dump.Start("timingdump");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"JACK dummy backend, 48000 Hz, {period}-frame period ({period / 48.0:0.##} ms), {(sync ? "sync" : "async")} mode, {Environment.ProcessorCount} CPUs, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

var failures = 0;
Reference("reference sender, RtMidi JACK (Send at the deadline)", MidiApi.RtMidiJack, scheduled: false);
Reference("reference sender, AI Jukebox JACK (TrySendAt ahead)", MidiApi.Jack, scheduled: true);
foreach (var api in playApis)
{
    failures += Play(api);
}

Directory.Delete(work, recursive: true);
return failures == 0 ? 0 : 1;

void Reference(string who, MidiApi api, bool scheduled)
{
    var client = scheduled ? "timingrefj" : "timingrefr";
    using var reference = MidiSystem.CreateVirtualOutput(api, "out", client);
    ConnectBoth(reference.Name);
    Thread.Sleep(500);
    listener.Clear();
    dump.Clear();
    var xruns = server.XrunReports;
    var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5);
    var message = new byte[] { 0x90, 60, 100 };
    for (var i = 0; i < referenceNotes; i++)
    {
        var due = start + (long)(i * 0.125 * Stopwatch.Frequency);
        var handOver = scheduled ? due - (long)(reference.ScheduleAhead.TotalSeconds * Stopwatch.Frequency) : due - (Stopwatch.Frequency / 500);
        while (handOver - Stopwatch.GetTimestamp() > 0)
        {
            Thread.Sleep(1);
        }

        message[1] = (byte)(36 + (i % 48));
        if (scheduled)
        {
            if (!reference.TrySendAt(due, message))
            {
                Console.WriteLine($"{who}: TrySendAt refused note {i}");
            }
        }
        else
        {
            while (Stopwatch.GetTimestamp() < due)
            {
            }

            reference.Send(message);
        }
    }

    Thread.Sleep(300 + (int)(3 * period / 48.0));
    var scheduledMs = Enumerable.Range(0, referenceNotes).Select(i => i * 125.0).ToList();
    ReportAll(who, scheduledMs);
    Console.WriteLine($"{who}: jackd xruns {server.XrunReports - xruns}, lost at the reader {listener.Lost}"
        + (api == MidiApi.Jack ? $", undelivered {reference.Undelivered}, {Callback(reference)}" : ""));
}

int Play(string api)
{
    listener.Clear();
    dump.Clear();
    var xruns = server.XrunReports;
    var take = Path.Combine(work, $"take-{api}.mid");
    var play = new ProcessStartInfo(aijukebox) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in (string[])["play", "--api", api, "--virtual", "timingsrc", "--wait", "3", "--duration", seconds, "--tempo", tempo.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--record", take, "--quiet", .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)])
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
    var who = $"aijukebox play --api {api}";
    Console.WriteLine($"{who}: {stdout.Result.Trim()} {stderr.Result.Trim()}");
    if (player.ExitCode != 0)
    {
        Console.WriteLine($"{who} exited with {player.ExitCode}");
        return 1;
    }

    var beatMs = 60_000.0 / tempo;
    var jukebox = MidiFileImporter.Read(take, ImportOptions.Default with { Track = 2, Sustain = false }).Pieces[0].Notes;
    ReportAll(who, jukebox.Select(n => n.Start * beatMs).Order().ToList());
    Console.WriteLine($"{who}: jackd xruns {server.XrunReports - xruns}, lost at the reader {listener.Lost}");
    return 0;
}

void ReportAll(string who, List<double> scheduled)
{
    var stamps = NoteOns(listener.Stamps).ToList();
    Report(who, "frames_to_time", scheduled, stamps.Select(s => s.Microseconds / 1000.0).ToList());
    Report(who, "callback wall clock", scheduled, stamps.Select(s => s.WokenMicroseconds / 1000.0).ToList());
    var dumped = dump.NoteOnFrames();
    Report(who, "jack_midi_dump -a", scheduled, dumped.Select(f => f / Rate * 1000).ToList());
    var readerFrames = stamps.Select(s => (long)s.Frame).ToList();
    // jack_midi_dump -a counts frames from its own start, so the two readers differ by a constant.
    var differences = dumped.Count == readerFrames.Count ? dumped.Zip(readerFrames, (d, r) => d - r).ToList() : [];
    var constant = differences.Count > 0 ? differences.Order().ElementAt(differences.Count / 2) : 0;
    Console.WriteLine($"{who}: jack_midi_dump -a saw {dumped.Count} note-ons, {differences.Count(d => d == constant)} on the frame-stamping reader's frame (of {readerFrames.Count}) up to a constant {constant} frames");
}

static string Callback(MidiPort port) => port.CallbackDurations is { Count: > 0 } d
    ? string.Create(CultureInfo.InvariantCulture, $"process callback p50 {d.Percentile(0.5) * 1000:F0} µs, p99 {d.Percentile(0.99) * 1000:F0} µs, max {d.MaxMilliseconds * 1000:F0} µs over {d.Count} cycles")
    : "no process callback timings";

void ConnectBoth(string source)
{
    // A port jack_lsp lists may not take connections for a moment yet (its client still activating).
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            listener.Connect(source);
            break;
        }
        catch (InvalidOperationException) when (attempt < 50)
        {
            Thread.Sleep(100);
        }
    }

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
        $"{who}, {how}: {spread.Count} note-ons, |arrival - schedule - median offset| p50 {Pct(spread, 0.50):0.000} ms, p99 {Pct(spread, 0.99):0.000} ms, max {spread[^1]:0.000} ms (offset {median:0.00} ms); after a straight-line fit (rate {slope:0.00000}): p99 {Pct(fitted, 0.99):0.000} ms, max {fitted[^1]:0.000} ms"));
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
