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
        using var rig = LiveRig.Open(settings.Api, settings.OutputPort, settings.VirtualName ?? Commands.PlayCommand.DefaultPortName, settings.InputPort, settings.ClickPort);
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
                    stderr.WriteLine(StatusLine(status));
                }
            }
        }
        finally
        {
            performer.Stop();
        }

        var collections = Collections() - collectionsAtStart;
        var final = performer.Status;
        var lateness = performer.Lateness;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped after {clock.Elapsed.TotalSeconds:F1} s: {final.NotesPlayed} notes played, {final.PlayerNotes} heard; clock lateness p50 {lateness.Percentile(0.5):F2} ms, p99 {lateness.Percentile(0.99):F2} ms, max {lateness.MaxMilliseconds:F2} ms over {lateness.Count} messages ({final.LateMessages} over 1 ms)")
            + (double.IsFinite(minHeadroom) ? string.Create(CultureInfo.InvariantCulture, $"; generator headroom at least {minHeadroom:F2} beats") : "")
            + (final.ModelSwitches > 0 ? $"; switched models {final.ModelSwitches} time(s)" : "")
            + $"; {collections} garbage collection(s) while playing"
            + (options.RecordPath is null || final.TakeError is not null ? "." : $"; take saved to {options.RecordPath}."));
        if (final.TakeError is not null)
        {
            stderr.WriteLine($"aijukebox play: {final.TakeError}");
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

    // Every collection pauses the clock thread too, so the summary counts them (all generations).
    private static int Collections() => GC.CollectionCount(0);

    private static string Describe(PerformanceMode mode) => mode switch
    {
        PerformanceMode.CallResponse => "call-and-response",
        PerformanceMode.Accompany => "accompanying",
        _ => "solo",
    };

    private static string StatusLine(PerformerStatus s) => string.Create(
        CultureInfo.InvariantCulture,
        $"beat {s.Beat,7:F1} (bar {s.Bar}.{s.BeatInBar}) | {s.Bpm:0.#} BPM | {Describe(s.Mode)}{(s.Playing ? "" : " (stopped)")} | T {s.Temperature:0.##} | {KeyText.Describe(s)} |{(s.Metronome ? " click |" : "")}{(s.Looping ? s.Mutate > 0 ? $" loop, mutate {s.Mutate:0.##} |" : " loop |" : "")}{(s.ModelSwitches > 0 ? $" model switches {s.ModelSwitches} |" : "")} notes {s.NotesPlayed} | heard {s.PlayerNotes} | ahead {s.HeadroomBeats:F2} beats | late {s.LateMessages} (p99 {s.LatenessP99Milliseconds:F2} ms){(s.TakeError is null ? "" : " | " + s.TakeError)}");
}
