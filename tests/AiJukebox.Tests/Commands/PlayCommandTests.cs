using System.Diagnostics;

using AiJukebox.Commands;
using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Jack;
using AiJukebox.Music;
using AiJukebox.Music.Realtime;

using Xunit.Abstractions;

namespace AiJukebox.Tests.Commands;

/// <summary>The play verb end to end: a tiny trained model, real RtMidi ports on a private JACK server.</summary>
[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed partial class PlayCommandTests : IClassFixture<TinyLiveModel>, IDisposable
{
    private readonly JackServerFixture _jack;
    private readonly TinyLiveModel _model;
    private readonly ITestOutputHelper _log;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-play-").FullName;

    public PlayCommandTests(JackServerFixture jack, TinyLiveModel model, ITestOutputHelper log)
    {
        _jack = jack;
        _model = model;
        _log = log;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Play_Solo_JackReceivesExactlyTheTakesJukeboxNotes()
    {
        var client = JackTestPorts.UniqueClient("playsolo");
        using var listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        var take = Path.Combine(_folder, "solo.mid");

        var (code, output, error) = Play("--out", client, "--duration", "4", "--record", take, "--tempo", "150", "--program", "7", "--channel", "3");

        Assert.True(code == 0, error + output);
        var notes = JukeboxNotes(take);
        Assert.NotEmpty(notes);
        var received = ReceivedUntilAllNotesOff(listener);
        var ons = received.Where(m => (m.Status & 0xF0) == 0x90 && m.Bytes[2] > 0).ToList();
        Assert.Equal(notes.Count, ons.Count);
        Assert.Equal(SortedPitchesByOnsetGroup(notes), ons.Select(m => (int)m.Bytes[1]).Order());
        Assert.Equal([0xC2, 7], received[0].Bytes.ToArray());
        Assert.Empty(Hanging(received));
        Assert.Contains("Stopped after", output);
    }

    [Fact]
    public async Task Play_CallResponse_AnswersTheJackPhraseAndRecordsBoth()
    {
        using var ports = new PlayerPorts("playcr");
        var (client, listener, keys) = (ports.Client, ports.Listener, ports.Keys);
        var take = Path.Combine(_folder, "cr.mid");

        var run = Task.Run(() => Play("--out", client + ":in", "--in", client + "k:keys", "--mode", "call-response", "--align", "off", "--tempo", "120", "--response-delay", "1", "--response-beats", "8", "--duration", "9", "--record", take));
        int[] phrase = [60, 64, 67, 72];
        await PlayCall(keys, phrase);

        var (code, output, error) = await run;

        Assert.True(code == 0, error + output);
        var file = MidiFileImporter.Read(take, ImportOptions.Default);
        Assert.Equal(["Player", "AI Jukebox"], file.Tracks.Skip(1).Select(t => t.Name));
        var player = TrackNotes(take, PlayerTrack);
        var jukebox = JukeboxNotes(take);
        Assert.Equal(phrase, player.Select(n => n.Pitch));
        Assert.NotEmpty(jukebox);
        var callEnd = player.Max(n => n.End);
        // The answer waits for one beat of silence and lasts at most eight beats.
        Assert.All(jukebox, n => Assert.InRange(n.Start, callEnd + 1 - 0.01, callEnd + 1 + 8));
        var received = ReceivedUntilAllNotesOff(listener);
        Assert.Equal(jukebox.Count, received.Count(m => (m.Status & 0xF0) == 0x90 && m.Bytes[2] > 0));
    }

    [Fact]
    public async Task Play_CallResponseAlignBar_AnswersFromTheNextBarLineForWholeBars()
    {
        using var ports = new PlayerPorts("playbar");
        var (client, listener, keys) = (ports.Client, ports.Listener, ports.Keys);
        var take = Path.Combine(_folder, "bar.mid");

        var run = Task.Run(() => Play("--out", client + ":in", "--in", client + "k:keys", "--mode", "call-response", "--align", "bar", "--meter", "4/4", "--tempo", "120", "--response-delay", "1", "--duration", "12", "--record", take));
        int[] phrase = [60, 64, 67, 72];
        await PlayCall(keys, phrase);

        var (code, output, error) = await run;

        Assert.True(code == 0, error + output);
        var player = TrackNotes(take, PlayerTrack);
        var jukebox = JukeboxNotes(take);
        Assert.Equal(phrase, player.Select(n => n.Pitch));
        Assert.NotEmpty(jukebox);
        // The call (about 2 beats, inside one or two bars) is answered from the first bar line a beat
        // after it, for as many whole bars; the take's grid is 480 ticks a beat.
        var first = player.Min(n => n.Start);
        var callEnd = player.Max(n => n.End);
        var barLine = Math.Ceiling((callEnd + 1) / 4) * 4;
        var bars = Math.Ceiling((callEnd - (Math.Floor(first / 4) * 4)) / 4);
        const double tick = 1.0 / 480;
        Assert.All(jukebox, n => Assert.InRange(n.Start, barLine - tick, barLine + (bars * 4)));
    }

    [Fact]
    public void Play_KilledMidTake_AutosavedTakeIsAValidFile()
    {
        var take = Path.Combine(_folder, "killed.mid");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "aijukebox.dll"), "play", "--api", "jack", "--virtual", "killed", "--model", _model.Run, "--notes", _model.Notes, "--record", take, "--autosave", "1", "--duration", "120", "--seed", "2", "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(take) && JukeboxNotes(take).Count >= 4) && deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                Thread.Sleep(200);
            }
        }
        finally
        {
            process.Kill(); // SIGKILL: no chance to stop cleanly
            process.WaitForExit();
        }

        var file = MidiFileImporter.Read(take, ImportOptions.Default);
        Assert.Equal(1, file.Format);
        Assert.Equal("AI Jukebox", file.Tracks[JukeboxTrack].Name);
        Assert.True(JukeboxNotes(take).Count >= 4);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task Play_Sigterm_StopsCleanlyWithAllNotesOffAndTheWholeTake()
    {
        var client = JackTestPorts.UniqueClient("playterm");
        using var listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        var take = Path.Combine(_folder, "term.mid");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "aijukebox.dll"), "play", "--api", "jack", "--out", client, "--model", _model.Run, "--notes", _model.Notes, "--record", take, "--autosave", "1", "--wait", "0.5", "--seed", "4", "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(take) && deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            await Task.Delay(200);
        }

        JackServerFixture.Terminate(process); // SIGTERM, as a service manager or kill would
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode is 0 or 130, await stderr);
        Assert.Contains("Stopped after", await stdout);
        var received = ReceivedUntilAllNotesOff(listener);
        Assert.Empty(Hanging(received));
        Assert.Equal(123, received[^1].Bytes[1]);
        Assert.Equal(received.Count(m => (m.Status & 0xF0) == 0x90 && m.Bytes[2] > 0), JukeboxNotes(take).Count);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(150)]
    public void Play_Metronome_AClickOnEveryBeatAndAnAccentOnEveryDownbeat_AtAJackReaderAndInTheTake(int bpm)
    {
        var client = JackTestPorts.UniqueClient("playclick");
        using var listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        var take = Path.Combine(_folder, $"click{bpm}.mid");

        // The click's beat spacing through RtMidi's JACK output; our own JACK client's placement
        // under a loaded server is measured by its own tests and the Live bench.
        var (code, output, error) = CliRunner.Run(PlayCommand.Create(), ["--api", "rtmidi-jack", "--model", _model.Run, "--notes", _model.Notes, "--seed", "5", "--wait", "0.5", "--quiet", "--out", client, "--duration", "4", "--record", take, "--tempo", bpm.ToString(System.Globalization.CultureInfo.InvariantCulture), "--metronome"]);

        Assert.True(code == 0, error + output);
        var file = MidiFileImporter.Read(take, ImportOptions.Default with { IncludeDrums = true });
        Assert.Equal(["Player", "AI Jukebox", "Metronome"], file.Tracks.Skip(1).Select(t => t.Name));
        var recorded = MidiFileImporter.Read(take, ImportOptions.Default with { Track = 3, Sustain = false, IncludeDrums = true }).Pieces[0].Notes.OrderBy(n => n.Start).ToList();
        var clicks = ReceivedUntilAllNotesOff(listener).Where(m => m.Status == 0x99 && m.Bytes[2] > 0).ToList();
        // 4 s: a click on every beat from beat 0 (6 at 90 BPM, 10 at 150), give or take the last.
        Assert.InRange(clicks.Count, (4 * bpm / 60) - 1, (4 * bpm / 60) + 1);
        Assert.Equal(recorded.Count, clicks.Count);
        for (var i = 0; i < clicks.Count; i++)
        {
            Assert.Equal(i % 4 == 0 ? Live.Metronome.DownbeatNote : Live.Metronome.BeatNote, clicks[i].Bytes[1]);
            Assert.Equal(i % 4 == 0 ? Live.Metronome.DownbeatNote : Live.Metronome.BeatNote, recorded[i].Pitch);
            Assert.Equal(i, recorded[i].Start, 3);
        }

        var beatMs = 60000.0 / bpm;
        var deviations = clicks.Zip(clicks.Skip(1), (a, b) => Math.Abs(((b.Timestamp - a.Timestamp) * 1000.0 / Stopwatch.Frequency) - beatMs)).Order().ToList();
        _log.WriteLine($"{clicks.Count} clicks at {bpm} BPM: beat-to-beat deviation at the JACK reader p50 {Percentile(deviations, 0.5):F3} ms, max {deviations[^1]:F3} ms");
        Assert.All(deviations, d => Assert.True(d < 20, $"a beat {d:F1} ms off"));
    }

    [Fact]
    public void Play_Solo120Bpm_TimingIntoJack()
    {
        // Measurement, not a timed assertion: how far each note-on arrives from its scheduled time,
        // read by an RtMidi JACK input in this process, after removing the constant offset.
        var client = JackTestPorts.UniqueClient("playtime");
        using var listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        var take = Path.Combine(_folder, "timing.mid");

        var (code, output, error) = Play("--out", client, "--duration", "10", "--record", take, "--tempo", "120");

        Assert.True(code == 0, error + output);
        var notes = JukeboxNotes(take).Select(n => n.Start).Order().ToList();
        var ons = ReceivedUntilAllNotesOff(listener).Where(m => (m.Status & 0xF0) == 0x90 && m.Bytes[2] > 0).Select(m => m.Timestamp).ToList();
        Assert.Equal(notes.Count, ons.Count);
        var deviations = ons.Zip(notes, (arrival, beat) => (arrival * 1000.0 / Stopwatch.Frequency) - (beat * 500.0)).ToList();
        var median = deviations.Order().ElementAt(deviations.Count / 2);
        var spread = deviations.Select(d => Math.Abs(d - median)).Order().ToList();
        _log.WriteLine($"{ons.Count} note-ons at 120 BPM: arrival vs schedule after removing the offset: p50 {Percentile(spread, 0.5):F3} ms, p99 {Percentile(spread, 0.99):F3} ms, max {spread[^1]:F3} ms");
        _log.WriteLine(output.Trim());
    }

    private (int Code, string Output, string Error) Play(params string[] args) =>
        CliRunner.Run(PlayCommand.Create(), ["--api", "jack", "--model", _model.Run, "--notes", _model.Notes, "--seed", "5", "--wait", "0.5", "--quiet", .. args]);

    private const int PlayerTrack = 1; // after the tempo track

    private const int JukeboxTrack = 2;

    /// <summary>Waits for the verb to load the model, open the ports and listen, then plays a call of quarter-ish notes at 120 BPM.</summary>
    private static async Task PlayCall(MidiOutputPort keys, int[] phrase)
    {
        await Task.Delay(2000);
        foreach (var pitch in phrase)
        {
            keys.Send([0x90, (byte)pitch, 90]);
            await Task.Delay(240);
            keys.Send([0x80, (byte)pitch, 0]);
            await Task.Delay(10);
        }
    }

    private static List<Note> JukeboxNotes(string take) => TrackNotes(take, JukeboxTrack);

    private static List<Note> TrackNotes(string take, int track) =>
        [.. MidiFileImporter.Read(take, ImportOptions.Default with { Track = track, Sustain = false }).Pieces[0].Notes];

    private static IEnumerable<int> SortedPitchesByOnsetGroup(List<Note> notes) => notes.Select(n => n.Pitch).Order();

    /// <summary>Everything that arrived, up to and including the All Notes Off that ends a performance.</summary>
    private static List<MidiInputMessage> ReceivedUntilAllNotesOff(MidiInputPort listener)
    {
        var received = new List<MidiInputMessage>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (listener.TryRead(out var message))
            {
                received.Add(message);
                if ((message.Status & 0xF0) == 0xB0 && message.Bytes[1] == 123)
                {
                    break;
                }
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        return received;
    }

    private static List<(int Channel, int Pitch)> Hanging(List<MidiInputMessage> messages)
    {
        var sounding = new HashSet<(int, int)>();
        foreach (var m in messages)
        {
            var kind = m.Status & 0xF0;
            if (kind == 0x90 && m.Bytes[2] > 0)
            {
                sounding.Add((m.Status & 0x0F, m.Bytes[1]));
            }
            else if (kind == 0x80 || kind == 0x90)
            {
                sounding.Remove((m.Status & 0x0F, m.Bytes[1]));
            }
        }

        return [.. sounding];
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    /// <summary>A JACK reader for the jukebox's output ("client:in") and a keyboard for the player ("clientk:keys").</summary>
    private sealed class PlayerPorts : IDisposable
    {
        public PlayerPorts(string name)
        {
            Client = JackTestPorts.UniqueClient(name);
            Listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: Client);
            try
            {
                Keys = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "keys", clientName: Client + "k");
            }
            catch
            {
                Listener.Dispose();
                throw;
            }
        }

        public string Client { get; }

        public MidiInputPort Listener { get; }

        public MidiOutputPort Keys { get; }

        public void Dispose()
        {
            Keys.Dispose();
            Listener.Dispose();
        }
    }
}
