using AiJukebox.Model;
using AiJukebox.Services;

namespace AiJukebox.Ui;

/// <summary>
/// Runs one training at a time for the Train screen and keeps what it shows; the view only
/// renders <see cref="State"/>. Quitting waits for a cancelled run's checkpoint (<see cref="StopAndWait"/>).
/// </summary>
internal sealed class TrainingController(SettingsStore settings, Action<string, string> useModel)
{
    private TrainingJob? _job;
    private Task<TrainingResult>? _task;
    private TrainingMonitor _monitor = new([]);
    private string? _finalMessage;
    private string? _modelCard;
    private string? _notesPath;

    /// <summary>Raised (on a background thread) when a run ends.</summary>
    public event Action? Changed;

    public TrainingViewState State
    {
        get
        {
            var (latest, epochs, message) = _monitor.Read();
            var running = _task is { IsCompleted: false };
            return new TrainingViewState(running, latest, epochs, running ? message : _finalMessage ?? message, _modelCard);
        }
    }

    /// <summary>Starts a run; returns a one-line problem instead when the form is incomplete.</summary>
    public string? Start(TrainingRequest request)
    {
        if (_task is { IsCompleted: false })
        {
            return "Training is already running; cancel it first (F6).";
        }

        if (request.Source.Length == 0 || !(File.Exists(request.Source) || Directory.Exists(request.Source)))
        {
            return $"Source '{request.Source}' not found: give a notes file (from 'aijukebox import') or a folder of MIDI files.";
        }

        if (request.RunDirectory.Length == 0)
        {
            return "Run folder is empty: name a folder for the checkpoints (it is created).";
        }

        var problem = settings.Update(s => s with { TrainSource = request.Source, TrainRun = request.RunDirectory, TrainPreset = request.Preset });
        _finalMessage = problem;
        _modelCard = null;
        // The model card names its notes file without a folder; Perform needs the real path.
        _notesPath = Directory.Exists(request.Source) ? Path.Combine(request.RunDirectory, TrainingJob.ImportedNotesFile) : request.Source;
        _monitor = new TrainingMonitor(request.Resume ? EarlierEpochs(request.RunDirectory) : []);
        _job?.Dispose();
        _job = new TrainingJob();
        _task = _job.Start(request, _monitor, _monitor.Say);
        _task.ContinueWith(Finished, TaskScheduler.Default);
        return null;
    }

    /// <summary>Asks the run to stop after its batch; false when nothing runs.</summary>
    public bool Cancel()
    {
        if (_task is not { IsCompleted: false })
        {
            return false;
        }

        _job?.Cancel();
        return true;
    }

    /// <summary>Loads the finished run's model into Perform.</summary>
    public void UseModel()
    {
        if (_modelCard is not null && _notesPath is not null)
        {
            useModel(_modelCard, _notesPath);
        }
    }

    /// <summary>Cancels a running training and waits for its checkpoint (at quit).</summary>
    public bool StopAndWait(TimeSpan limit)
    {
        Cancel();
        return _task is null || _task.Wait(limit);
    }

    private static IEnumerable<LossPoint> EarlierEpochs(string run)
    {
        var card = Path.Combine(run, Trainer.ModelCardFile);
        try
        {
            return File.Exists(card) ? ModelCard.Load(card).Epochs.Select(e => new LossPoint(e.TrainLoss, e.ValidationLoss)).ToList() : [];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ModelFileException)
        {
            return [];
        }
    }

    private void Finished(Task<TrainingResult> task)
    {
        if (task.IsFaulted)
        {
            var error = task.Exception!.GetBaseException();
            _finalMessage = error is ArgumentException or ModelFileException or Music.NotesFileException or IOException or UnauthorizedAccessException or InvalidDataException
                ? $"Training failed: {error.Message.Split('\n')[0]}"
                : $"Training failed unexpectedly: {error.GetType().Name}: {error.Message.Split('\n')[0]}";
        }
        else
        {
            var result = task.Result;
            _modelCard = result.ModelCardPath;
            var quality = result.ModelCardPath is null ? string.Empty : $" Best validation perplexity {Math.Exp(result.BestValidationLoss):F3} (trigram baseline {result.BaselinePerplexity:F3}).";
            _finalMessage = result.Status switch
            {
                TrainingStatus.Cancelled => $"Stopped. Checkpoint: {result.CheckpointPath}. Tick Resume and Start to continue.{quality}",
                TrainingStatus.EarlyStopped => $"Stopped early (no better validation loss).{quality}",
                _ => $"Done.{quality}",
            };
        }

        Changed?.Invoke();
    }
}
