using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;

using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Services;

namespace AiJukebox.Commands;

/// <summary>aijukebox train: notes file → weights per epoch, best/last, model card.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var notes = new Option<string>("--notes", "-n") { Description = "The notes file to train on (from 'aijukebox import').", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The run folder: checkpoints, history, loss plot, model card.", Required = true };
        var preset = new Option<string>("--preset") { Description = $"Settings to start from: {string.Join(", ", TrainingPreset.Names)}, or a .json file.", DefaultValueFactory = _ => "default" };
        var model = new Option<string?>("--model") { Description = "Network: lstm (stateful, for live play), bilstm (the original's window network) or transformer (causal attention, streamed with a key/value cache)." };
        var epochs = new Option<int?>("--epochs") { Description = "Maximum epochs." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Windows per batch." };
        var seqLen = new Option<int?>("--seq-len") { Description = "Tokens per training window." };
        var embedding = new Option<int?>("--embedding") { Description = "Embedding size." };
        var hidden = new Option<int?>("--hidden") { Description = "LSTM hidden size; the transformer's feed-forward width." };
        var layers = new Option<int?>("--layers") { Description = "Stacked LSTM layers or transformer blocks." };
        var heads = new Option<int?>("--heads") { Description = "Attention heads (transformer)." };
        var warmup = new Option<int?>("--warmup") { Description = "Batches over which the learning rate rises linearly from 0 (0 = none)." };
        var lr = new Option<double?>("--lr") { Description = "Learning rate." };
        var optimizer = new Option<string?>("--optimizer") { Description = "adam or rmsprop." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout probability." };
        var seed = new Option<int?>("--seed") { Description = "Seed for initialization, split, data order, dropout and augmentation." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --output from its last checkpoint (its settings; --epochs, --patience, --threads may change)." };
        var patience = new Option<int?>("--patience") { Description = "Stop after this many epochs without a better validation loss (0 = never)." };
        var threads = new Option<int?>("--threads") { Description = "LibTorch threads (default: all cores)." };
        var augment = new Option<int?>("--augment-transpose") { Description = "Random transposition by up to ±N semitones (events and remi tokenizers)." };
        var stride = new Option<int?>("--stride") { Description = "Tokens between window starts (0 = window length for lstm and transformer, 1 for bilstm)." };
        var maxBatches = new Option<int?>("--max-batches") { Description = "Stop each epoch after this many batches (for short measured runs)." };
        var attribution = new Option<string?>("--attribution") { Description = "Corpus attribution and licence, copied to the model card." };

        var command = new Command("train", "Train a network on a notes file; writes a checkpoint after every epoch.");
        foreach (var option in new Option[] { notes, output, preset, model, epochs, batchSize, seqLen, embedding, hidden, layers, heads, warmup, lr, optimizer, dropout, seed, resume, patience, threads, augment, stride, maxBatches, attribution })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            try
            {
                var notesPath = parse.GetValue(notes)!;
                var notesFile = NotesFile.Load(notesPath);
                var options = TrainingPreset.Load(parse.GetValue(preset)!);
                var network = options.Network with
                {
                    Kind = parse.GetValue(model) ?? options.Network.Kind,
                    EmbeddingSize = parse.GetValue(embedding) ?? options.Network.EmbeddingSize,
                    HiddenSize = parse.GetValue(hidden) ?? options.Network.HiddenSize,
                    Layers = parse.GetValue(layers) ?? options.Network.Layers,
                    Dropout = parse.GetValue(dropout) ?? options.Network.Dropout,
                    Window = parse.GetValue(seqLen) ?? options.Network.Window,
                    Heads = parse.GetValue(heads) ?? options.Network.Heads,
                };
                var augmentation = parse.GetValue(augment) ?? (notesFile.Tokenizer is EventsTokenizer.TokenizerName or RemiTokenizer.TokenizerName ? options.AugmentTranspose : 0);
                options = options with
                {
                    Network = network,
                    Epochs = parse.GetValue(epochs) ?? options.Epochs,
                    BatchSize = parse.GetValue(batchSize) ?? options.BatchSize,
                    LearningRate = parse.GetValue(lr) ?? options.LearningRate,
                    WarmupSteps = parse.GetValue(warmup) ?? options.WarmupSteps,
                    Optimizer = parse.GetValue(optimizer) ?? options.Optimizer,
                    Seed = parse.GetValue(seed) ?? options.Seed,
                    Patience = parse.GetValue(patience) ?? options.Patience,
                    Threads = parse.GetValue(threads) ?? Environment.ProcessorCount,
                    AugmentTranspose = augmentation,
                    Stride = parse.GetValue(stride) ?? options.Stride,
                    MaxBatchesPerEpoch = parse.GetValue(maxBatches) ?? 0,
                    Attribution = parse.GetValue(attribution),
                };
                if (parse.GetValue(resume) && Trainer.SavedOptions(parse.GetValue(output)!) is { } saved)
                {
                    // A resumed run keeps its own shape and schedule; only what the user says now changes.
                    options = saved with
                    {
                        Epochs = parse.GetValue(epochs) ?? saved.Epochs,
                        Patience = parse.GetValue(patience) ?? saved.Patience,
                        Threads = parse.GetValue(threads) ?? saved.Threads,
                        MaxBatchesPerEpoch = parse.GetValue(maxBatches) ?? 0,
                    };
                }

                return Run(notesFile, notesPath, options, parse.GetValue(output)!, parse.GetValue(resume));
            }
            catch (Exception e) when (e is NotesFileException or ModelFileException or ArgumentException)
            {
                Console.Error.WriteLine($"aijukebox train: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(NotesFile notes, string notesPath, TrainingOptions options, string runDirectory, bool resume)
    {
        using var cancel = new CancellationTokenSource();
        // Ctrl+C and SIGTERM ask for a clean stop: the batch finishes, a checkpoint is written.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var terminal = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        var shape = options.Network.Kind == NetworkOptions.Transformer
            ? $"width {options.Network.EmbeddingSize}, {options.Network.Heads} heads, feed-forward {options.Network.HiddenSize}, {options.Network.Layers} blocks, context {options.Network.Window}"
            : $"embedding {options.Network.EmbeddingSize}, hidden {options.Network.HiddenSize} x {options.Network.Layers}, window {options.Network.Window}";
        Console.WriteLine($"Training {options.Network.Kind} ({shape}) on {notesPath}: {notes.Pieces.Count} pieces, {notes.TokenCount:N0} tokens, {options.Threads} thread(s){(resume ? ", resuming" : "")}.");
        var clock = Stopwatch.StartNew();
        var result = TerminationSignals.RunShielded("training", () => new Trainer(notes, notesPath, options, runDirectory).Train(resume, new Reporter(terminal), cancel.Token));
        if (terminal)
        {
            Console.WriteLine();
        }

        Console.WriteLine(result.Status switch
        {
            TrainingStatus.Cancelled => $"Stopped after the current batch. Checkpoint: {result.CheckpointPath}. Continue with --resume.",
            TrainingStatus.EarlyStopped => $"Stopped early (no better validation loss for {options.Patience} epochs).",
            _ => "Done.",
        });
        if (result.ModelCardPath is not null)
        {
            Console.WriteLine($"Best validation perplexity {Math.Exp(result.BestValidationLoss):F3} (interpolated trigram {result.BaselinePerplexity:F3}); model card: {result.ModelCardPath}; {clock.Elapsed:h\\:mm\\:ss} this session.");
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            // Only flag it: the training thread notices before its next batch and says so.
            context.Cancel = true;
            cancel.Cancel();
        }
    }

    /// <summary>A rewritten line on a terminal; a log line every 30 s and at each epoch's end otherwise.</summary>
    private sealed class Reporter(bool terminal) : IProgress<TrainingProgress>
    {
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

        public void Report(TrainingProgress value)
        {
            var line = TrainingProgressFormatter.Format(value);
            if (value.ValidationLoss is not null)
            {
                Console.WriteLine(terminal ? $"\r{line}\u001b[K" : $"{DateTime.Now:HH:mm:ss} {line}");
                return;
            }

            if (_sinceLast.Elapsed.TotalSeconds < (terminal ? 0.25 : 30) && value.Batch != 1 && value.Batch != value.Batches)
            {
                return;
            }

            _sinceLast.Restart();
            Console.Write(terminal ? $"\r{line}\u001b[K" : $"{DateTime.Now:HH:mm:ss} {line}\n");
        }
    }
}
