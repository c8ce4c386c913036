using System.Diagnostics;
using System.Globalization;

using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Music;
using AiJukebox.Playing;
using AiJukebox.Services;

namespace AiJukebox.Ui;

/// <summary>
/// The Perform screen's transport and live controls over <see cref="LiveRig"/> (the play verb's
/// composition). Opening ports and starting or stopping a performer run off the UI thread, one
/// at a time; the controls that the performer takes live (tempo, temperature, mode) apply at once.
/// </summary>
internal sealed class PerformController : IDisposable
{
    private static readonly PerformanceMode[] Modes = [PerformanceMode.Solo, PerformanceMode.CallResponse, PerformanceMode.Accompany];
    private readonly Lock _gate = new();
    private readonly ModelSession _session;
    private readonly SettingsStore _settings;
    private readonly Func<(string? Api, string? Out, string? In)> _ports;
    private readonly SynthOptions _synth;
    private LiveRig? _rig;
    private PerformanceGcMode? _gcMode;
    private (string? Api, string? Out, string? In) _rigPorts;
    private volatile Performer? _performer;
    private FilePlayback? _playback;
    private PredictorPool? _predictors;
    private ITokenPredictor? _predictor;
    // Replaced whole (never mutated), from the UI thread and from background work; every
    // read-modify-write goes through ChangeOptions.
    private readonly Lock _optionsGate = new();
    private LiveOptions _options;

    // What the last key asked the running performer for; its requests take effect on its own
    // threads, so until its status shows them a second quick press starts from these.
    private KeyedValues _keyed = new(null, null, 0);
    private DateTime _takeStarted;
    private volatile string? _message;

    public PerformController(ModelSession session, SettingsStore settings, Func<(string? Api, string? Out, string? In)> ports, SynthOptions? synth = null)
    {
        _synth = synth ?? new SynthOptions();
        _session = session;
        _settings = settings;
        _ports = ports;
        var saved = settings.Current;
        try
        {
            _options = LiveConfig.Load(JukeboxConfig.Load);
        }
        catch (InvalidDataException e)
        {
            _options = new LiveOptions();
            _message = e.Message;
        }

        _options = _options with
        {
            Mode = Enum.TryParse<PerformanceMode>(saved.Mode, ignoreCase: true, out var mode) ? mode : _options.Mode,
            Tempo = Math.Clamp(saved.Tempo ?? _options.Tempo, LiveOptions.SlowestTempo, LiveOptions.FastestTempo),
            Sampling = _options.Sampling with { Temperature = Math.Clamp(saved.Temperature ?? _options.Sampling.Temperature, 0.05, 5) },
            Thru = saved.Thru ?? _options.Thru,
        };
        // A model loaded while it plays takes over at the next phrase; the old model is disposed
        // once the performer has let go of it. Not under _gate: Start holds _gate while it waits
        // for the model, the swap holds the model.
        session.Swapping = SwitchTo;
    }

    public NoteTap Tap { get; } = new();

    /// <summary>
    /// The settings in force. While a performance runs it owns tempo, temperature, mode and the
    /// metronome (a control change may have moved them), so they are read from it; keys start
    /// from these values, never from a stale copy.
    /// </summary>
    public LiveOptions Options => _performer is { IsRunning: true } performer ? WithLiveValues(Volatile.Read(ref _options), performer.Status, _keyed) : Volatile.Read(ref _options);

    public PerformerStatus? Status => _performer?.Status;

    public bool Running => _performer?.IsRunning == true;

    /// <summary>The ports' health for the screen (JACK: <c>xruns 3</c>), empty where not reported.</summary>
    public string Health => _rig?.HealthText ?? string.Empty;

    /// <summary>The take being recorded, or null.</summary>
    public string? Take => Running ? _options.RecordPath : null;

    public TimeSpan RecordingTime => Take is null ? TimeSpan.Zero : DateTime.UtcNow - _takeStarted;

    /// <summary>The latest message (error, what a key did), or null.</summary>
    public string? Message => _performer?.Fault?.Message ?? _rig?.Lost ?? PlaybackFault ?? _message;

    private string? PlaybackFault => _playback is { IsRunning: false, Fault: { } fault } ? $"The file stopped playing: {fault.Message.Split('\n')[0]}" : null;

    /// <summary>Space: starts a performance, or pauses/resumes the running one.</summary>
    public void PlayStop()
    {
        if (_performer is { IsRunning: true } performer)
        {
            performer.SetPlaying(!performer.Status.Playing);
            _message = performer.Status.Playing ? "Stopped (the ports stay open); Space plays again." : "Playing.";
            return;
        }

        Background(() => Start(record: false));
    }

    /// <summary>R: starts a recorded performance, or ends the recording (the take is saved).</summary>
    public void Record()
    {
        if (Take is { } take)
        {
            Background(() => Stop($"Take saved: {take}"));
            return;
        }

        Background(() => Start(record: true));
    }

    /// <summary>Plays a generated file to the chosen output (stopping the performer), or stops it when it plays.</summary>
    public void PlayFile(string path)
    {
        Background(() =>
        {
            lock (_gate)
            {
                if (_playback is { IsRunning: true })
                {
                    StopLocked();
                    _message = "Stopped playing the file.";
                    return;
                }

                StopLocked();
                try
                {
                    OpenPorts();
                    _playback = _rig!.PlayFile(path, sink => new TappedSink(sink, Tap));
                    _message = $"Playing {_playback.Name} to '{_rig.OutputName}' (F7 again stops).";
                }
                catch (Exception e) when (e is MidiDeviceException or MidiImportException or IOException or UnauthorizedAccessException)
                {
                    _message = $"Cannot play {path}: {e.Message.Split('\n')[0]}";
                }
            }
        });
    }

    /// <summary>P: all notes off now.</summary>
    public void Panic()
    {
        _performer?.Panic();
        _message = "Panic: all notes off.";
    }

    public void ChangeTempo(double delta)
    {
        var tempo = Math.Clamp(Math.Round(Options.Tempo + delta), LiveOptions.SlowestTempo, LiveOptions.FastestTempo);
        ChangeOptions(o => o with { Tempo = tempo });
        _keyed = _keyed with { Tempo = tempo, Until = Stopwatch.GetTimestamp() + Stopwatch.Frequency };
        _performer?.SetTempo(tempo);
        Save(s => s with { Tempo = tempo });
    }

    public void ChangeTemperature(double delta)
    {
        var temperature = Math.Clamp(Math.Round(Options.Sampling.Temperature + delta, 2), 0.05, 5);
        ChangeOptions(o => o with { Sampling = o.Sampling with { Temperature = temperature } });
        _keyed = _keyed with { Temperature = temperature, Until = Stopwatch.GetTimestamp() + Stopwatch.Frequency };
        _performer?.SetTemperature(temperature);
        Save(s => s with { Temperature = temperature });
    }

    public void NextMode()
    {
        var mode = Modes[(Array.IndexOf(Modes, Options.Mode) + 1) % Modes.Length];
        ChangeOptions(o => o with { Mode = mode });
        _performer?.SetMode(mode);
        Save(s => s with { Mode = mode.ToString() });
    }

    /// <summary>C: the metronome on or off (while playing; otherwise from the next start).</summary>
    public void ToggleMetronome()
    {
        var metronome = !Options.Metronome;
        ChangeOptions(o => o with { Metronome = metronome });
        _performer?.SetMetronome(metronome);
        _message = metronome ? "Metronome on (C again: off)." : "Metronome off.";
    }

    /// <summary>L: loops the jukebox's last bars, or goes back to the model.</summary>
    public void ToggleLoop()
    {
        if (_performer is { IsRunning: true } performer && performer.Status.Mode != PerformanceMode.CallResponse)
        {
            var looping = !performer.Status.Looping;
            performer.SetLooping(looping);
            _message = looping ? $"Looping the last {_options.LoopBars} bar(s) from the next bar line (L again: back to the model)." : "Back to the model.";
            return;
        }

        _message = "L loops the jukebox's last bars while it plays solo or accompanies.";
    }

    /// <summary>U: the loop's mutation on (at the configured share, else half its bars a pass) or off.</summary>
    public void ToggleMutate()
    {
        if (_performer is not { IsRunning: true } performer)
        {
            _message = "U mutates the loop while playing (L loops the last bars).";
            return;
        }

        var share = performer.Status.Mutate;
        var next = share > 0 ? 0 : _options.Mutate > 0 ? _options.Mutate : 0.5;
        performer.SetMutate(next);
        _message = next > 0
            ? $"Mutate: {next:P0} of the loop's bars composed anew on each pass (U again: off; L loops)."
            : "Mutate off: the loop repeats as it is.";
    }

    /// <summary>K: locks the key where it is, or lets it follow what is played again.</summary>
    public void ToggleKeyLock()
    {
        if (_performer is { IsRunning: true } performer && performer.Status.KeyState != KeyState.Off)
        {
            var locking = performer.Status.KeyState == KeyState.Following;
            performer.SetKeyLocked(locking);
            _message = locking ? "Key locked (K again follows what is played)." : "Key unlocked: it follows what is played.";
            return;
        }

        _message = _options.Key.IsOn
            ? "K locks the key while playing (it must have heard one)."
            : "The key is off (play --key auto or a key, or \"key\" in config/jukebox.json).";
    }

    /// <summary>T: thru is fixed for a performer's life, so a running one restarts (the ports stay open).</summary>
    public void ToggleThru()
    {
        var thru = ChangeOptions(o => o with { Thru = !o.Thru }).Thru;
        Save(s => s with { Thru = thru });
        if (Running)
        {
            var recording = Take is not null;
            Background(() => Start(recording));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            StopLocked();
            _rig?.Dispose();
            _rig = null;
        }
    }

    private void Start(bool record)
    {
        lock (_gate)
        {
            StopLocked();
            try
            {
                OpenPorts();
                var options = Volatile.Read(ref _options) with { Seed = (ulong)Random.Shared.NextInt64(), RecordPath = record ? NewTakePath() : null };
                var started = _session.Use(loaded =>
                {
                    _predictors = new PredictorPool();
                    _predictor = _predictors.Add(loaded.Model.CreatePredictor());
                    var primer = OfflineGeneration.Primer(loaded, "corpus", 100, options.Seed);
                    _performer = _rig!.CreatePerformer(options, loaded, _predictor, primer, sink => new TappedSink(sink, Tap), input => new TappedInput(input, Tap));
                    _performer.Start();
                    _gcMode = new PerformanceGcMode();
                    return _performer;
                });
                ChangeOptions(o => o with { RecordPath = options.RecordPath });
                _takeStarted = DateTime.UtcNow;
                _message = started is null
                    ? "No model is loaded: pick one (F4) or train one (F2)."
                    : $"{_rig!.Fallback}{(_rig.Fallback is null ? "" : " ")}Playing on '{_rig.OutputName}'{(_rig.InputName is null ? string.Empty : $", listening to '{_rig.InputName}'")}{(record ? $", recording {options.RecordPath}" : string.Empty)}.";
            }
            catch (Exception e) when (e is MidiDeviceException or ArgumentException or IOException or UnauthorizedAccessException or MidiImportException)
            {
                StopLocked();
                _message = $"Cannot play: {e.Message.Split('\n')[0]}";
            }
        }
    }

    private void Stop(string message)
    {
        lock (_gate)
        {
            if (_performer is not null)
            {
                StopLocked();
                _message = message;
            }
        }
    }

    private void StopLocked()
    {
        _playback?.Dispose();
        _playback = null;
        if (_performer is { } performer)
        {
            // What the performance ended with (a control change's tempo, say) is where the next one starts.
            var status = performer.Status;
            ChangeOptions(o => WithLiveValues(o, status));
        }

        _performer?.Stop();
        _performer = null;
        _gcMode?.Dispose();
        _gcMode = null;
        _predictors?.Dispose();
        _predictors = null;
        _predictor = null;
    }

    private static LiveOptions WithLiveValues(LiveOptions options, PerformerStatus status, KeyedValues? keyed = null)
    {
        var fresh = keyed is { } k && Stopwatch.GetTimestamp() < k.Until;
        return options with
        {
            Tempo = fresh && keyed!.Tempo is { } tempo ? tempo : status.Bpm,
            Mode = status.Mode,
            Metronome = status.Metronome,
            Sampling = options.Sampling with { Temperature = fresh && keyed!.Temperature is { } temperature ? temperature : status.Temperature },
        };
    }

    private LiveOptions ChangeOptions(Func<LiveOptions, LiveOptions> change)
    {
        lock (_optionsGate)
        {
            var changed = change(_options);
            Volatile.Write(ref _options, changed);
            return changed;
        }
    }

    /// <summary>The loading thread, holding the model: a running performance switches to <paramref name="loaded"/> at the next phrase.</summary>
    private Task SwitchTo(LoadedModel loaded)
    {
        if (_performer is not { IsRunning: true } performer || _predictors is not { } predictors || _predictor is not { } old)
        {
            return Task.CompletedTask;
        }

        try
        {
            var next = loaded.Model.CreatePredictor();
            predictors.Switch(performer, loaded.Tokenizer, next);
            _predictor = next;
            _message = $"{loaded.DisplayName} takes over at the next phrase.";
            return predictors.WhenDisposed(old);
        }
        catch (ArgumentException e)
        {
            // The old model plays on; it is disposed when the performance ends.
            _message = $"Cannot switch to {loaded.DisplayName}: {e.Message.Split('\n')[0]}";
            performer.Stop();
            return Task.CompletedTask;
        }
    }

    private void OpenPorts()
    {
        var wanted = _ports();
        if (_rig is not null && wanted == _rigPorts && _rig.Lost is null)
        {
            return;
        }

        _rig?.Dispose();
        _rig = null;
        _rig = LiveRig.Open(
            wanted.Api,
            wanted.Out switch
            {
                null or PortListing.Virtual => null,
                PortListing.Synth => LiveRig.SynthChoice,
                var port => port,
            },
            Commands.PlayCommand.DefaultPortName,
            wanted.In is null or PortListing.NoInput ? null : wanted.In,
            _synth,
            synthWhenNoMidi: true);
        _rigPorts = wanted;
    }

    private static string NewTakePath()
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "takes");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"take-{DateTime.Now:yyyyMMdd-HHmmss}.mid"));
    }

    // Every key's work is observed: what nobody expected becomes the status line and a log line.
    private void Background(Action action) => Task.Run(() =>
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _message = BackgroundFailure.Report("That key's action", e);
        }
    });

    private void Save(Func<UserSettings, UserSettings> change)
    {
        if (_settings.Update(change) is { } problem)
        {
            _message = problem;
        }
    }

    /// <summary>Values a key asked for, and until when (a Stopwatch timestamp) they beat the performer's status.</summary>
    private sealed record KeyedValues(double? Tempo, double? Temperature, long Until);
}
