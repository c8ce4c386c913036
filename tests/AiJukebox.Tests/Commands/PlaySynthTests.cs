using System.Diagnostics;

using AiJukebox.Commands;
using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Audio;
using AiJukebox.Devices.Tests.Jack;
using AiJukebox.Devices.Tests.Synth;
using AiJukebox.Music;

using Xunit.Abstractions;

namespace AiJukebox.Tests.Commands;

/// <summary>
/// play --out synth end to end: the tiny model through FluidSynth's jack driver on the private JACK
/// server, the audio captured at a JACK input of the tests' own and compared with the take.
/// </summary>
[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class PlaySynthTests : IClassFixture<TinyLiveModel>, IDisposable
{
    private const int JukeboxTrack = 2;
    private readonly JackServerFixture _jack;
    private readonly TinyLiveModel _model;
    private readonly ITestOutputHelper _log;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-playsynth-").FullName;

    public PlaySynthTests(JackServerFixture jack, TinyLiveModel model, ITestOutputHelper log)
    {
        _jack = jack;
        _model = model;
        _log = log;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Play_OutSynthJack_IsHeardAtAJackInput_OnsetsFollowTheTake_AndTheTakeIsRendered()
    {
        var take = Path.Combine(_folder, "take.mid");
        var wav = Path.Combine(_folder, "take.wav");
        using var capture = new JackAudioCapture(JackTestPorts.UniqueClient("playsynthcap"), 20);
        // A wood block (program 115) at 60 BPM: short sounds a quarter of a second or more apart, each onset clear.
        var run = Task.Run(() => Play("--out", "synth", "--audio-driver", "jack", "--program", "115", "--tempo", "60", "--duration", "8", "--wait", "1.5", "--record", take, "--render", wav));
        _jack.WaitForPort("aijukebox-synth:left");
        capture.Connect("aijukebox-synth:left");
        capture.Start();
        var (code, output, error) = await run;
        capture.Stop();

        Assert.True(code == 0, error + output);
        Assert.Contains("built-in synth (FluidSynth", output);
        var samples = capture.Samples();
        Assert.True(OnsetDetector.Rms(samples) > 0.003, $"silent at the JACK input (RMS {OnsetDetector.Rms(samples):F5})");

        // The take's onsets (chords are one onset), in seconds at 60 BPM, against the onsets heard.
        var starts = Notes(take).Select(n => n.Start).Order().ToList();
        var groups = starts.Where((s, i) => i == 0 || s - starts[i - 1] > 0.05).ToList();
        var heard = OnsetDetector.Find(samples, capture.SampleRate).Select(s => capture.TicksOf((int)Math.Round(s * capture.SampleRate)) / (double)Stopwatch.Frequency).ToList();
        Assert.NotEmpty(heard);
        var offset = heard[0] - groups[0];
        var residuals = groups.Select(g => heard.Select(h => h - g - offset).Where(d => Math.Abs(d) < 0.06).DefaultIfEmpty(double.NaN).MinBy(Math.Abs)).Where(double.IsFinite).ToList();
        var median = residuals.Order().ElementAt(residuals.Count / 2);
        var jitter = residuals.Select(r => Math.Abs(r - median) * 1000).Order().ToList();
        _log.WriteLine($"{residuals.Count} of {groups.Count} take onsets heard ({heard.Count} onsets in the audio, {capture.SkippedPeriods} skipped JACK cycles); after removing the constant offset, |onset - take time| p50 {jitter[jitter.Count / 2]:F2} ms, p99 {jitter[Math.Min(jitter.Count - 1, (int)Math.Ceiling(0.99 * jitter.Count) - 1)]:F2} ms, max {jitter[^1]:F2} ms");
        _log.WriteLine(output.Trim());
        Assert.True(residuals.Count >= groups.Count * 3 / 4, $"only {residuals.Count} of {groups.Count} onsets of the take heard");

        var (mono, _, _) = WavReader.Read(wav);
        Assert.True(OnsetDetector.Rms(mono) > 0.003, "the rendered take is silent");
        Assert.Contains("Rendered", output);
    }

    [Fact]
    public async Task Play_SynthWithThru_TheKeyboardSoundsThroughTheSynth()
    {
        var client = JackTestPorts.UniqueClient("synthkeys");
        using var keys = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "keys", clientName: client);
        using var capture = new JackAudioCapture(client + "cap", 20);
        // call-response with a long pause: while the player plays, only the echo sounds.
        var run = Task.Run(() => Play("--out", "synth", "--audio-driver", "jack", "--in", client + ":keys", "--thru", "--mode", "call-response", "--response-delay", "16", "--tempo", "60", "--duration", "7", "--wait", "0.5"));
        _jack.WaitForPort("aijukebox-synth:left");
        capture.Connect("aijukebox-synth:left");
        capture.Start();
        await Task.Delay(2500); // the verb loads the model, opens the ports and starts listening
        var sent = new List<long>();
        foreach (var pitch in new byte[] { 60, 64, 67, 72, 67, 64 })
        {
            sent.Add(Stopwatch.GetTimestamp());
            keys.Send([0x90, pitch, 100]);
            await Task.Delay(150);
            keys.Send([0x80, pitch, 0]);
            await Task.Delay(350);
        }

        var (code, output, error) = await run;
        capture.Stop();

        Assert.True(code == 0, error + output);
        Assert.Contains("6 heard", output);
        var heard = OnsetDetector.Find(capture.Samples(), capture.SampleRate).Select(s => capture.TicksOf((int)Math.Round(s * capture.SampleRate))).ToList();
        var latencies = sent.Select(t => heard.Where(h => h >= t && h < t + (Stopwatch.Frequency / 5)).Select(h => (h - t) * 1000.0 / Stopwatch.Frequency).DefaultIfEmpty(double.NaN).First()).ToList();
        _log.WriteLine($"keyboard → thru → synth: heard after the key by {string.Join(", ", latencies.Select(l => l.ToString("F1")))} ms");
        Assert.True(latencies.Count(double.IsFinite) >= 5, $"the keyboard's notes were not heard: {string.Join(", ", latencies)}");
    }

    [Fact]
    public async Task Play_FluidSynthMissing_TheMidiPortStillPlays()
    {
        // A fresh process, so the missing library is the one it looks for.
        var client = JackTestPorts.UniqueClient("nosynth");
        using var listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(PlayCommand).Assembly.Location, "play", "--api", "jack", "--out", client, "--model", _model.Run, "--notes", _model.Notes, "--duration", "2", "--wait", "0.5", "--seed", "1", "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AIJUKEBOX_FLUIDSYNTH_LIBRARY"] = "/nonexistent/libfluidsynth.so.3";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.True(process.ExitCode == 0, await error + output);
        var received = JackTestPorts.Drain(listener, 8);
        Assert.Contains(received, m => (m.Status & 0xF0) == 0x90);
    }

    private static List<Note> Notes(string take) =>
        [.. MidiFileImporter.Read(take, ImportOptions.Default with { Track = JukeboxTrack, Sustain = false }).Pieces[0].Notes];

    private (int Code, string Output, string Error) Play(params string[] args) =>
        CliRunner.Run(PlayCommand.Create(), ["--api", "jack", "--model", _model.Run, "--notes", _model.Notes, "--seed", "5", "--quiet", "--soundfont", TestSoundFont.Path, .. args]);
}
