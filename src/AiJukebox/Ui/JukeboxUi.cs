using System.Runtime.InteropServices;

using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Services;

using Terminal.Gui.App;

namespace AiJukebox.Ui;

/// <summary>Builds the screens, runs the terminal UI, and waits for a running training's checkpoint at quit.</summary>
internal static class JukeboxUi
{
    private static NativeStderrCapture? CaptureNativeMessages(out string? problem)
    {
        problem = null;
        try
        {
            var capture = NativeStderrCapture.Start(NativeStderrCapture.DefaultLogPath());
            problem = capture is null ? "not on this platform" : null;
            return capture;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            problem = e.Message;
            return null;
        }
    }

    public static int Run(UiOptions cli)
    {
        static IEnumerable<string> Roots()
        {
            try
            {
                return ModelCatalog.DefaultRoots(JukeboxConfig.Load());
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException)
            {
                return [Path.Combine(Environment.CurrentDirectory, "runs")];
            }
        }

        using var settings = SettingsStore.Open(UserSettings.DefaultPath, out var settingsProblem);
        var chosen = cli.Over(settings.Current);

        using var session = new ModelSession();
        MainWindow? window = null;
        var training = new TrainingController(settings, (card, notesPath) => window?.UseModel(card, notesPath));
        var modelPane = new ModelPane(
            session,
            (path, notesPath) => window?.PickModel(path, notesPath),
            () => ModelCatalog.Find(Roots(), [settings.Current.TrainRun, settings.Current.Model, session.Summary?.WeightsPath]));
        var ports = new PortsPane(() => chosen.Api, chosen.Out, chosen.In);
        Devices.NativeMessages.KeepOffTerminal();
        var synth = new Devices.SynthOptions { SoundFont = chosen.SoundFont, SettingsSoundFont = settings.Current.SoundFont, AudioDriver = chosen.AudioDriver };
        using var live = new PerformController(session, settings, () => (chosen.Api, ports.Output, ports.Input), synth);
        var perform = new PerformView(modelPane, ports, new TransportPane(live), live);
        ports.Chosen += () => Report(perform, settings.Update(s => s with { Out = ports.Output, In = ports.Input }));

        // From here until the UI ends, whatever native code prints goes to the log, not over the screen.
        using var nativeLog = CaptureNativeMessages(out var captureProblem);
        using IApplication app = Application.Create().Init();
        window = new MainWindow(perform, new TrainView(training, settings), new GenerateView(new GenerateController(session, settings, new Devices.AudioRenderOptions { SoundFont = chosen.SoundFont, SettingsSoundFont = settings.Current.SoundFont }), live, settings), new LogView(nativeLog?.LogPath, captureProblem));
        window.Attach(app);
        window.ModelPicked += (path, notesPath) => session.LoadAsync(path, notesPath).ContinueWith(
            t => app.Invoke(() => Report(perform, t.IsCompletedSuccessfully && t.Result ? settings.Update(s => s with { Model = path, Notes = notesPath }) : null)),
            TaskScheduler.Default);
        app.AddTimeout(TimeSpan.FromMilliseconds(10), () =>
        {
            perform.SetStatus(settingsProblem ?? $"Settings: {settings.Path}");
            session.LoadAsync(chosen.Model, chosen.Notes);
            ports.Refresh();
            return false;
        });
        app.AddTimeout(TimeSpan.FromMilliseconds(100), () =>
        {
            window.Refresh();
            return true;
        });
        // A closed terminal (SIGHUP) or kill (SIGTERM): the UI can no longer be drawn or asked, so
        // end every note, save the take and checkpoint a training here, then let the signal end
        // the process as it would have.
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => Abandon());
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Abandon());
        app.Run(window);
        window.Dispose();
        // Every note ends and the take is saved before the ports close.
        live.Dispose();
        nativeLog?.Dispose();

        if (training.State.Running)
        {
            Console.WriteLine("Stopping training after the current batch; writing its checkpoint...");
            if (!training.StopAndWait(TimeSpan.FromMinutes(2)))
            {
                Console.Error.WriteLine("Training did not stop within 2 minutes; its last epoch checkpoint is kept.");
                return 1;
            }
        }

        return 0;

        void Abandon()
        {
            live.Dispose();
            training.StopAndWait(TimeSpan.FromSeconds(30));
        }
    }

    private static void Report(PerformView perform, string? problem)
    {
        if (problem is not null)
        {
            perform.SetStatus(problem);
        }
    }
}
