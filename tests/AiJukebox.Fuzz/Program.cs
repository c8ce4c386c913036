using System.Diagnostics;
using System.Security.Cryptography;

using AiJukebox.Fuzz;

// aijukebox-fuzz TARGET --seeds DIR [--minutes M] [--out DIR] [--seed S] [--notes FILE]
// aijukebox-fuzz TARGET --replay FINDING [--notes FILE]
// Runs one reader on mutants of the seeds for M minutes; every input that throws anything but the
// reader's own refusal, runs over 1 s, or allocates over 256 MB is written to --out as a finding.
var arguments = args.ToList();
string? Option(string name)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

var targets = Targets.Create(Option("--notes"));
var seedFolder = Option("--seeds");
if (arguments.Count == 0 || targets.All(t => t.Name != arguments[0]) || (seedFolder is null && Option("--replay") is null))
{
    Console.Error.WriteLine($"usage: aijukebox-fuzz {string.Join("|", targets.Select(t => t.Name))} (--seeds DIR [--minutes M] [--out DIR] [--seed S] | --replay FILE) [--notes FILE]");
    return 2;
}

var target = targets.Single(t => t.Name == arguments[0]);
if (Option("--replay") is { } replay)
{
    // A finding again, five times, timed: is it slow by itself or was the machine busy?
    var bytes = File.ReadAllBytes(replay);
    var file = Path.Combine(Directory.CreateTempSubdirectory("aijukebox-replay-").FullName, target.Name == "weights" ? "fuzz.safetensors" : "model.json");
    File.WriteAllBytes(file, bytes);
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            target.Run(bytes, file);
            outcome = "accepted";
        }
        catch (Exception e)
        {
            outcome = e.GetType().Name + ": " + e.Message.Split('\n')[0];
        }

        Console.WriteLine($"{watch.Elapsed.TotalMilliseconds:F1} ms  {outcome}");
    }

    return 0;
}

var minutes = double.Parse(Option("--minutes") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
var findings = Directory.CreateDirectory(Option("--out") ?? Path.Combine("fuzz-findings", target.Name)).FullName;
var seeds = Directory.GetFiles(seedFolder!).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
if (seeds.Length == 0)
{
    Console.Error.WriteLine($"aijukebox-fuzz: no seed files in {seedFolder}");
    return 2;
}

var mutator = new Mutator(new Random(int.Parse(Option("--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture)), seeds);
var scratchFolder = Directory.CreateTempSubdirectory("aijukebox-fuzz-").FullName;
var scratch = Path.Combine(scratchFolder, target.Name == "weights" ? "fuzz.safetensors" : "model.json");
const long MemoryLimit = 256L << 20;
var slowLimit = TimeSpan.FromSeconds(1);

var signatures = new HashSet<string>(StringComparer.Ordinal);

// A watchdog: an input that hangs is saved and ends the run, since it cannot be interrupted.
byte[]? current = null;
var started = Stopwatch.GetTimestamp();
var watchdog = new Thread(() =>
{
    while (true)
    {
        Thread.Sleep(1000);
        if (Volatile.Read(ref current) is { } input && Stopwatch.GetElapsedTime(Volatile.Read(ref started)) > TimeSpan.FromSeconds(30))
        {
            Save("hang", input, "over 30 s", "hang");
            Console.Error.WriteLine("aijukebox-fuzz: an input hangs; saved, stopping.");
            Environment.Exit(3);
        }
    }
})
{ IsBackground = true, Name = "fuzz watchdog" };
watchdog.Start();

var clock = Stopwatch.StartNew();
long executions = 0, rejected = 0, found = 0;
var slowest = TimeSpan.Zero;
long mostAllocated = 0;
var lastReport = TimeSpan.Zero;
while (clock.Elapsed.TotalMinutes < minutes)
{
    var input = executions < seeds.Length ? seeds[executions] : mutator.Next();
    File.WriteAllBytes(scratch, input);
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    Volatile.Write(ref started, Stopwatch.GetTimestamp());
    Volatile.Write(ref current, input);
    Exception? failure = null;
    try
    {
        target.Run(input, scratch);
    }
    catch (Exception e)
    {
        failure = e;
    }

    var elapsed = Stopwatch.GetElapsedTime(started);
    Volatile.Write(ref current, null);
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    executions++;
    slowest = elapsed > slowest ? elapsed : slowest;
    mostAllocated = Math.Max(mostAllocated, allocated);
    if (failure is not null && target.Expected.IsInstanceOfType(failure))
    {
        rejected++;
    }
    else if (failure is not null)
    {
        found += Save("crash", input, failure.ToString(), Signature(failure)) ? 1 : 0;
    }

    if (elapsed > slowLimit)
    {
        found += Save("slow", input, $"{elapsed.TotalMilliseconds:F0} ms", "slow") ? 1 : 0;
    }

    if (allocated > MemoryLimit)
    {
        found += Save("memory", input, $"{allocated / (1 << 20)} MB allocated", "memory") ? 1 : 0;
    }

    if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(30))
    {
        lastReport = clock.Elapsed;
        Console.Error.WriteLine($"{clock.Elapsed:mm\\:ss} {target.Name}: {executions:N0} executions, {rejected:N0} rejected cleanly, {found} findings");
    }
}

Directory.Delete(scratchFolder, recursive: true);
Console.WriteLine($"{target.Name}: {executions:N0} executions in {clock.Elapsed.TotalMinutes:F1} min ({executions / clock.Elapsed.TotalSeconds:F0}/s) from {seeds.Length} seeds; {rejected:N0} rejected with {target.Expected.Name}, {executions - rejected:N0} accepted; {found} findings in {findings}; slowest input {slowest.TotalMilliseconds:F1} ms, most allocated {mostAllocated / 1048576.0:F1} MB");
return found == 0 ? 0 : 1;

// One finding per kind of failure (exception type and the first frame of ours), not per input.
static string Signature(Exception e) =>
    e.GetType().FullName + " " + (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at AiJukebox", StringComparison.Ordinal), "");

bool Save(string kind, byte[] input, string what, string signature)
{
    if (!signatures.Add(signature))
    {
        return false;
    }

    var name = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
    var path = Path.Combine(findings, name + ".bin");
    if (File.Exists(path))
    {
        return false;
    }

    File.WriteAllBytes(path, input);
    File.WriteAllText(Path.Combine(findings, name + ".txt"), what);
    Console.Error.WriteLine($"finding: {path}: {what.Split('\n')[0]}");
    return true;
}
