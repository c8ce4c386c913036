using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Services;

/// <summary>
/// One training run on its own thread (never the UI's): imports a MIDI folder when given one,
/// then trains with progress reports; <see cref="Cancel"/> finishes the batch and writes a checkpoint.
/// </summary>
internal sealed class TrainingJob : IDisposable
{
    /// <summary>The notes file written into the run folder when the source is a MIDI folder.</summary>
    public const string ImportedNotesFile = "notes.json";

    private readonly CancellationTokenSource _cancel = new();

    /// <summary>Starts the run; the task ends with the trainer's result (or its one-line error).</summary>
    /// <param name="request">What to train.</param>
    /// <param name="progress">Batch and epoch reports (called on the training thread).</param>
    /// <param name="status">One-line status messages (called on the training thread).</param>
    public Task<TrainingResult> Start(TrainingRequest request, IProgress<TrainingProgress> progress, Action<string> status) =>
        Task.Factory.StartNew(() => Run(request, progress, status), _cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Asks for a clean stop after the current batch.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc/>
    public void Dispose() => _cancel.Dispose();

    /// <summary>The settings a request trains with: the preset, then the request's overrides.</summary>
    /// <exception cref="ArgumentException">Unknown preset or a malformed preset file.</exception>
    public static TrainingOptions Options(TrainingRequest request, NotesFile notes)
    {
        var preset = TrainingPreset.Load(request.Preset);
        return preset with
        {
            Network = preset.Network with
            {
                HiddenSize = request.Hidden ?? preset.Network.HiddenSize,
                Layers = request.Layers ?? preset.Network.Layers,
                Window = request.Window ?? preset.Network.Window,
            },
            Epochs = request.Epochs ?? preset.Epochs,
            // The UI thread and the terminal need a core; training takes the rest.
            Threads = Math.Max(1, Environment.ProcessorCount - 1),
            AugmentTranspose = notes.Tokenizer is EventsTokenizer.TokenizerName or RemiTokenizer.TokenizerName ? preset.AugmentTranspose : 0,
        };
    }

    private TrainingResult Run(TrainingRequest request, IProgress<TrainingProgress> progress, Action<string> status)
    {
        var (notes, notesPath) = LoadSource(request, status);
        var options = Options(request, notes);
        status($"Training {options.Network.Kind} (hidden {options.Network.HiddenSize} x {options.Network.Layers}, window {options.Network.Window}) on {notes.Pieces.Count} pieces, {notes.TokenCount:N0} tokens{(request.Resume ? ", resuming" : "")}.");
        TerminationSignals.BlockOnCurrentThread();
        return new Trainer(notes, notesPath, options, request.RunDirectory).Train(request.Resume, progress, _cancel.Token);
    }

    private static (NotesFile Notes, string Path) LoadSource(TrainingRequest request, Action<string> status)
    {
        if (!Directory.Exists(request.Source))
        {
            return (NotesFile.Load(request.Source), request.Source);
        }

        status($"Importing MIDI files from {request.Source}...");
        var result = CorpusImporter.Import([request.Source], new CorpusImportOptions());
        var notes = result.Notes ?? throw new ArgumentException($"{request.Source}: no importable .mid files ({result.FilesFound} found); pick a folder of MIDI files or a notes file.");
        var path = Path.Combine(request.RunDirectory, ImportedNotesFile);
        notes.Save(path);
        return (notes, path);
    }
}
