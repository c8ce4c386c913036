using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>
/// One performance on real ports: opens them, runs the performer until the duration, Ctrl+C,
/// SIGTERM, a lost port or an error, and on every one of those paths stops it (all notes off, take
/// saved) before the ports close.
/// </summary>
internal static class PlaySession
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    public static int Run(PlaySettings settings, LoadedModel loaded, int[] primer, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        // Without --out or --virtual, a machine with no usable MIDI system still makes sound.
        var synthWhenNoMidi = settings.OutputPort is null && settings.VirtualName is null;
        using var rig = LiveRig.Open(settings.Api, settings.OutputPort, settings.VirtualName ?? Commands.PlayCommand.DefaultPortName, settings.InputPort, settings.Synth, synthWhenNoMidi, settings.ClickPort);
        if (rig.Fallback is { } fallback)
        {
            stderr.WriteLine($"aijukebox play: {fallback}");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        rig.PortLost += _ => stop.Cancel();

        // Ctrl+C is the command line's cancellation; SIGTERM (a service manager, kill) stops as cleanly.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var options = settings.Options;
        // Disposed after the performer (declared later, disposed first): its predictors, then the models it loaded.
        using var models = new ModelRotation(settings.Models ?? [], loaded, settings.Engine, JukeboxConfig.Load, stderr);
        using var performer = rig.CreatePerformer(options, loaded, models.CreateFirstPredictor(), primer);
        models.Attach(performer);
        stdout.WriteLine($"Playing {loaded.DisplayName} ({loaded.Model.Network.Kind}, {loaded.Tokenizer.Name}, {Commands.EngineOption.Describe(loaded.Model, settings.Engine)}) {Describe(options.Mode)} on '{rig.OutputName}'"
            + (rig.InputName is null ? "" : $", listening to '{rig.InputName}'")
            + (rig.ClickName is null ? "" : $", the metronome on '{rig.ClickName}'")
            + (settings.Models is { Count: > 1 } list ? $", control {options.Controls.NextModelCc} cycles {list.Count} models" : "")
            + $", {options.Tempo:0.#} BPM, seed {options.Seed}"
            + (options.RecordPath is null ? "" : $", recording to {options.RecordPath}")
            + ". Ctrl+C stops.");
        var clock = Stopwatch.StartNew();
        var minHeadroom = double.PositiveInfinity;
        var collectionsAtStart = Collections();
        var allocatedAtStart = GC.GetTotalAllocatedBytes();
        var gcMode = new PerformanceGcMode();
        try
        {
            if (settings.WaitSeconds > 0)
            {
                stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(settings.WaitSeconds));
            }

            if (!stop.IsCancellationRequested)
            {
                performer.Start();
            }

            collectionsAtStart = Collections();
            allocatedAtStart = GC.GetTotalAllocatedBytes();

            var end = settings.DurationSeconds is { } seconds ? clock.Elapsed + TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
            while (!stop.IsCancellationRequested && performer.Fault is null && clock.Elapsed < end)
            {
                var remaining = end - clock.Elapsed;
                stop.Token.WaitHandle.WaitOne(remaining < StatusInterval ? remaining : StatusInterval);
                var status = performer.Status;
                if (status.Beat > options.HorizonBeats && status.Mode != PerformanceMode.CallResponse)
                {
                    minHeadroom = Math.Min(minHeadroom, status.HeadroomBeats);
                }

                if (!settings.Quiet)
                {
                    stderr.WriteLine(StatusLine(status, rig));
                }
            }
        }
        finally
        {
            performer.Stop();
            gcMode.Dispose();
        }

        var collections = Collections() - collectionsAtStart;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedAtStart) / (1024.0 * 1024.0);
        var final = performer.Status;
        var lateness = performer.Lateness;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped after {clock.Elapsed.TotalSeconds:F1} s: {final.NotesPlayed} notes played, {final.PlayerNotes} heard; clock lateness p50 {lateness.Percentile(0.5):F2} ms, p99 {lateness.Percentile(0.99):F2} ms, max {lateness.MaxMilliseconds:F2} ms over {lateness.Count} messages ({final.LateMessages} over 1 ms)")
            + (double.IsFinite(minHeadroom) ? string.Create(CultureInfo.InvariantCulture, $"; generator headroom at least {minHeadroom:F2} beats") : "")
            + (final.ModelSwitches > 0 ? $"; switched models {final.ModelSwitches} time(s)" : "")
            + string.Create(CultureInfo.InvariantCulture, $"; {collections} garbage collection(s) while playing ({allocated:F1} MB allocated)")
            + Health(rig)
            + (options.RecordPath is null || final.TakeError is not null ? "." : $"; take saved to {options.RecordPath}."));
        if (final.TakeError is not null)
        {
            stderr.WriteLine($"aijukebox play: {final.TakeError}");
        }
        else if (settings.RenderPath is { } audio && options.RecordPath is { } take)
        {
            if (!RenderTake(take, audio, settings.Render ?? new AudioRenderOptions(), stdout, stderr))
            {
                return 1;
            }
        }

        if (rig.Lost is { } lost)
        {
            stderr.WriteLine($"aijukebox play: {lost}");
            return 1;
        }

        if (performer.Fault is { } fault)
        {
            stderr.WriteLine($"aijukebox play: stopped by an error: {fault.Message.Split('\n')[0]}");
            return 1;
        }

        return final.TakeError is null ? (cancel.IsCancellationRequested ? 130 : 0) : 1;
    }

    private static bool RenderTake(string take, string audio, AudioRenderOptions options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            stdout.WriteLine(Services.AudioRendering.Summary(Services.AudioRendering.Render(take, audio, options)));
            return true;
        }
        catch (Exception e) when (e is MidiDeviceException or Music.MidiImportException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"aijukebox play: the take is saved, but not rendered: {e.Message.Split('\n')[0]}");
            return false;
        }
    }

    // Every collection pauses the clock thread too, so the summary counts them (all generations).
    private static int Collections() => GC.CollectionCount(0);

    private static string Describe(PerformanceMode mode) => mode switch
    {
        PerformanceMode.CallResponse => "call-and-response",
        PerformanceMode.Accompany => "accompanying",
        _ => "solo",
    };

    /// <summary>What AI Jukebox's JACK client saw: xruns, undelivered events, its process callback's duration.</summary>
    private static string Health(LiveRig rig)
    {
        if (!rig.ReportsXruns)
        {
            return "";
        }

        var callback = rig.OutputCallbackDurations;
        return string.Create(CultureInfo.InvariantCulture, $"; {rig.Xruns} JACK xrun(s), {rig.Undelivered} event(s) undelivered")
            + (callback is { Count: > 0 } ? string.Create(CultureInfo.InvariantCulture, $"; process callback p99 {callback.Percentile(0.99) * 1000:F0} µs, max {callback.MaxMilliseconds * 1000:F0} µs over {callback.Count} cycles") : "");
    }

    private static string StatusLine(PerformerStatus s, LiveRig rig) => string.Create(
        CultureInfo.InvariantCulture,
        $"beat {s.Beat,7:F1} (bar {s.Bar}.{s.BeatInBar}) | {s.Bpm:0.#} BPM | {Describe(s.Mode)}{(s.Playing ? "" : " (stopped)")} | T {s.Temperature:0.##} | {KeyText.Describe(s)} |{(s.Metronome ? " click |" : "")}{(s.Looping ? s.Mutate > 0 ? $" loop, mutate {s.Mutate:0.##} |" : " loop |" : "")}{(s.ModelSwitches > 0 ? $" model switches {s.ModelSwitches} |" : "")} notes {s.NotesPlayed} | heard {s.PlayerNotes} | ahead {s.HeadroomBeats:F2} beats | late {s.LateMessages} (p99 {s.LatenessP99Milliseconds:F2} ms){(rig.ReportsXruns ? " | " + rig.HealthText : "")}{(s.TakeError is null ? "" : " | " + s.TakeError)}");
}
