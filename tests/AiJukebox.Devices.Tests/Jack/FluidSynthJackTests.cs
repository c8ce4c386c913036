using System.Diagnostics;

using AiJukebox.Devices.Tests.Audio;
using AiJukebox.Devices.Tests.Synth;

using Xunit.Abstractions;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>The built-in synth live, through FluidSynth's jack driver on the private server, heard by a JACK audio input of the tests' own.</summary>
[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class FluidSynthJackTests(JackServerFixture jack, ITestOutputHelper log)
{
    private static SynthOptions Options(string client) => new() { SoundFont = TestSoundFont.Path, AudioDriver = "jack", JackClientName = client, JackAutoConnect = false };

    [Fact]
    public void Open_JackDriver_RegistersStereoOutputsAtTheServersRate()
    {
        var client = JackTestPorts.UniqueClient("synthports");
        using var synth = FluidSynthOutput.Open(Options(client));

        Assert.Equal("jack", synth.AudioDriver);
        Assert.Equal(TestSoundFont.Path, synth.SoundFont);
        Assert.Contains("FluidSynth", synth.Name);
        var ports = jack.ListPorts();
        Assert.Contains($"{client}:left", ports);
        Assert.Contains($"{client}:right", ports);
    }

    [Fact]
    public void Send_NotesAtKnownTimes_AreHeardAtAJackInput_WithLatencyAndJitterMeasured()
    {
        var client = JackTestPorts.UniqueClient("synthlive");
        using var synth = FluidSynthOutput.Open(Options(client));
        using var capture = new JackAudioCapture(client + "cap", 12);
        capture.Connect($"{client}:left");
        capture.Start();
        var sent = new List<long>();
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        // A wood block (GM program 115): short and sharp, so one note's tail never hides the next onset
        // even when the dummy server, behind the wall clock on a loaded machine, packs them closer in samples.
        synth.Send([0xC0, 115]);
        for (var i = 0; i < 20; i++)
        {
            // Uneven spacing, so the notes fall on every phase of the JACK period.
            var at = start + (long)(((i * 0.3) + (i % 7 * 0.0031)) * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < at)
            {
                Thread.SpinWait(20);
            }

            sent.Add(Stopwatch.GetTimestamp());
            synth.Send([0x90, (byte)(60 + (i % 12)), 100]);
            Thread.Sleep(50);
            synth.Send([0x80, (byte)(60 + (i % 12)), 0]);
        }

        var wait = Stopwatch.StartNew();
        while (capture.Count < (7 * capture.SampleRate) && wait.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20); // the dummy server's clock may run behind the wall clock on a loaded machine
        }

        capture.Stop();
        var samples = capture.Samples();
        Assert.True(OnsetDetector.Rms(samples) > 0.003, $"silent at the JACK input (RMS {OnsetDetector.Rms(samples):F5}); server log: {jack.LogTail}");
        var onsets = OnsetDetector.Find(samples, capture.SampleRate).Select(s => capture.TicksOf((int)Math.Round(s * capture.SampleRate))).ToList();
        // Each note is matched to the first onset heard within 200 ms after it was sent.
        var latencies = sent.Select(t => onsets.Where(h => h >= t - (Stopwatch.Frequency / 1000) && h < t + (Stopwatch.Frequency / 5)).Select(h => (h - t) * 1000.0 / Stopwatch.Frequency).DefaultIfEmpty(double.NaN).First()).ToList();
        var heard = latencies.Where(double.IsFinite).Order().ToList();
        var median = heard[heard.Count / 2];
        var jitter = heard.Select(l => Math.Abs(l - median)).Order().ToList();
        log.WriteLine($"{heard.Count} of {sent.Count} notes heard ({onsets.Count} onsets; {capture.SkippedPeriods} skipped JACK cycles) from FluidSynth's jack driver, 64-frame period at 48 kHz: the period that sounds a note is computed after Send by median {median:F2} ms (min {heard[0]:F2}, max {heard[^1]:F2}); jitter |latency - median| p50 {jitter[jitter.Count / 2]:F2} ms, p99 {jitter[Math.Min(jitter.Count - 1, (int)Math.Ceiling(0.99 * jitter.Count) - 1)]:F2} ms");
        // The dummy server on a loaded 2-core machine skips cycles; a note in a skipped cycle can be lost to the capture, not to the synth.
        Assert.True(heard.Count >= sent.Count * 3 / 4, $"only {heard.Count} of {sent.Count} notes heard; {capture.SkippedPeriods} skipped cycles");
        Assert.True(onsets.Count <= sent.Count, $"{onsets.Count} onsets for {sent.Count} notes");
        Assert.All(heard, l => Assert.InRange(l, -1, 200));
    }
}
