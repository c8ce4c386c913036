using System.Diagnostics;

using AiJukebox.Music;

using TorchSharp;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Trains a network on a notes file into a run folder: per-epoch checkpoints, best and last
/// weights, optimizer state, history.csv, loss.png and model.json, all written atomically.
/// Every random choice derives from (seed, epoch, batch), so a resumed run — even one stopped
/// mid-epoch — continues exactly as an uninterrupted run would have.
/// </summary>
public sealed partial class Trainer
{
    private readonly NotesFile _notes;
    private readonly string _notesPath;
    private readonly string _runDirectory;
    private TrainingOptions _options;

    /// <summary>Prepares a run; nothing is read or written until <see cref="Train"/>.</summary>
    public Trainer(NotesFile notes, string notesPath, TrainingOptions options, string runDirectory)
    {
        _notes = notes;
        _notesPath = notesPath;
        _options = options;
        _runDirectory = runDirectory;
    }

    /// <summary>
    /// Runs training. With <paramref name="resume"/>, continues from the run folder's last
    /// checkpoint using its saved settings, except the epochs, patience, threads and batch cap
    /// given now. Cancellation finishes the current batch, writes a checkpoint and returns.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or the corpus is too small for it.</exception>
    /// <exception cref="ModelFileException">The checkpoint to resume from is missing, incomplete or for another vocabulary.</exception>
    public TrainingResult Train(bool resume, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        _options.Validate();
        Directory.CreateDirectory(_runDirectory);
        var state = resume ? LoadStateForResume() : new TrainingState { Options = _options, VocabularyHash = _notes.Vocabulary.Hash };
        var data = new TrainingData(_notes, _options);
        TorchRuntime.SetThreads(_options.Threads);

        // The returned generator wrappers are disposed at once rather than left to the finalizer thread.
        manual_seed(_options.Seed).Dispose();
        using var network = SequenceNetwork.Create(_options.Network, _notes.Vocabulary.Count);
        using var optimizer = CreateOptimizer(network);
        if (resume)
        {
            LoadCheckpoint(network, optimizer, state);
        }

        var baseline = state.Baseline ?? ComputeBaseline(data, network.FirstTargetPosition);
        state = state with { Baseline = baseline };

        var parameters = network.parameters().ToArray();
        var batchesPerEpoch = (data.Train.Count + _options.BatchSize - 1) / _options.BatchSize;
        if (_options.MaxBatchesPerEpoch > 0)
        {
            batchesPerEpoch = Math.Min(batchesPerEpoch, _options.MaxBatchesPerEpoch);
        }

        for (var epoch = state.Epoch; epoch < _options.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, data.Train.Count).ToArray();
            new Random(Mix(_options.Seed, epoch)).Shuffle(order);
            var clock = Stopwatch.StartNew();
            var first = epoch == state.Epoch ? state.NextBatch : 0;
            double lossSum = first > 0 ? state.EpochLossSum : 0, previousSeconds = first > 0 ? state.EpochSeconds : 0;
            long lossCount = first > 0 ? state.EpochLossCount : 0, tokens = first > 0 ? state.EpochTokens : 0;
            for (var batch = first; batch < batchesPerEpoch; batch++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state = state with
                    {
                        Epoch = epoch,
                        NextBatch = batch,
                        EpochLossSum = lossSum,
                        EpochLossCount = lossCount,
                        EpochTokens = tokens,
                        EpochSeconds = previousSeconds + clock.Elapsed.TotalSeconds,
                        TrainingSeconds = state.TrainingSeconds + clock.Elapsed.TotalSeconds,
                        Stopped = "cancelled",
                    };
                    SaveLast(network, optimizer, ref state);
                    if (state.History.Count > 0)
                    {
                        CreateCard(data, state).Save(InRun(ModelCardFile));
                    }

                    return Result(TrainingStatus.Cancelled, state);
                }

                var start = batch * _options.BatchSize;
                var windows = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start));
                WarmUp(optimizer, ((long)epoch * batchesPerEpoch) + batch);
                lossSum += TrainBatch(network, optimizer, parameters, data, windows, Mix(_options.Seed, epoch, batch)) * windows.Length;
                lossCount += windows.Length;
                tokens += (long)windows.Length * _options.Network.Window;
                var seconds = previousSeconds + clock.Elapsed.TotalSeconds;
                var done = batch + 1;
                var remaining = (batchesPerEpoch - done) + ((long)_options.Epochs - epoch - 1) * batchesPerEpoch;
                var perBatch = clock.Elapsed.TotalSeconds / (done - first);
                progress?.Report(new TrainingProgress(epoch + 1, _options.Epochs, done, batchesPerEpoch, tokens / Math.Max(seconds, 1e-9), lossSum / lossCount, TimeSpan.FromSeconds(remaining * perBatch)));
            }

            var trainingSeconds = previousSeconds + clock.Elapsed.TotalSeconds;
            var validationLoss = Evaluate(network, data);
            var epochSeconds = previousSeconds + clock.Elapsed.TotalSeconds;
            var metrics = new EpochMetrics(epoch + 1, lossSum / lossCount, validationLoss, Math.Exp(validationLoss), epochSeconds, tokens / Math.Max(trainingSeconds, 1e-9));
            var improved = validationLoss < state.BestValidationLoss;
            var history = state.History.Append(metrics).ToList();
            var withoutImprovement = improved ? 0 : state.EpochsWithoutImprovement + 1;
            var stop = _options.Patience > 0 && withoutImprovement >= _options.Patience;
            state = state with
            {
                Epoch = epoch + 1,
                NextBatch = 0,
                EpochLossSum = 0,
                EpochLossCount = 0,
                EpochTokens = 0,
                EpochSeconds = 0,
                BestValidationLoss = improved ? validationLoss : state.BestValidationLoss,
                BestEpoch = improved ? epoch + 1 : state.BestEpoch,
                EpochsWithoutImprovement = withoutImprovement,
                TrainingSeconds = state.TrainingSeconds + clock.Elapsed.TotalSeconds,
                History = history,
                Stopped = stop ? "early-stopped" : epoch + 1 == _options.Epochs ? "completed" : "running",
            };
            SaveEpoch(network, optimizer, data, metrics, improved, ref state);
            progress?.Report(new TrainingProgress(epoch + 1, _options.Epochs, batchesPerEpoch, batchesPerEpoch, metrics.TokensPerSecond, metrics.TrainLoss, TimeSpan.Zero, validationLoss));
            if (stop)
            {
                return Result(TrainingStatus.EarlyStopped, state);
            }
        }

        if (state.Stopped != "completed")
        {
            // Resumed with no epochs left (e.g. --epochs lowered after a stop): close the run.
            state = state with { Stopped = "completed" };
            state.Save(InRun(TrainingState.FileName));
            if (state.History.Count > 0)
            {
                CreateCard(data, state).Save(InRun(ModelCardFile));
            }
        }

        return Result(TrainingStatus.Completed, state);
    }

    private double TrainBatch(SequenceNetwork network, optim.Optimizer optimizer, TorchSharp.Modules.Parameter[] parameters, TrainingData data, ReadOnlySpan<int> windows, int seed)
    {
        using var scope = NewDisposeScope();
        // Dropout and augmentation draw from streams seeded per batch: resume needs no RNG state.
        manual_seed(seed).Dispose();
        var random = new Random(seed);
        network.train();
        optimizer.zero_grad();
        var input = data.Batch(data.Train, windows, random);
        var loss = network.Loss(input);
        loss.backward();
        if (_options.ClipNorm > 0)
        {
            nn.utils.clip_grad_norm_(parameters, _options.ClipNorm);
        }

        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>The learning rate of batch <paramref name="step"/> of the run: a linear warm-up, then constant.</summary>
    private void WarmUp(optim.Optimizer optimizer, long step)
    {
        if (_options.WarmupSteps == 0)
        {
            return;
        }

        // Set on every batch, not only during warm-up: a run resumed from a checkpoint taken
        // mid-warm-up gets the rate its step calls for, not the one the optimizer state holds.
        var rate = _options.LearningRate * Math.Min(1.0, (step + 1.0) / _options.WarmupSteps);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    private static double Evaluate(SequenceNetwork network, TrainingData data)
    {
        network.eval();
        using var noGrad = no_grad();
        var order = Enumerable.Range(0, data.Validation.Count).ToArray();
        const int BatchSize = 64;
        double sum = 0;
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var windows = order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
            var loss = network.Loss(data.Batch(data.Validation, windows, random: null));
            sum += loss.item<float>() * windows.Length;
        }

        return sum / order.Length;
    }

    private BaselineSummary ComputeBaseline(TrainingData data, int firstTarget)
    {
        var baseline = new TrigramBaseline(data.Train.Pieces, _notes.Vocabulary.Count);
        var perplexity = baseline.Evaluate(data.Validation, firstTarget);
        return new BaselineSummary("interpolated trigram", perplexity, baseline.TrigramWeight, baseline.BigramWeight, baseline.UnigramWeight);
    }

    private optim.Optimizer CreateOptimizer(SequenceNetwork network) => _options.Optimizer switch
    {
        "rmsprop" => optim.RMSProp(network.parameters(), _options.LearningRate),
        "adamw" => optim.AdamW(network.parameters(), _options.LearningRate, weight_decay: 0.01),
        _ => optim.Adam(network.parameters(), _options.LearningRate),
    };

    /// <summary>Combines seeds so that every (seed, epoch, batch) gets its own stream.</summary>
    internal static int Mix(params int[] values)
    {
        var hash = 14695981039346656037UL;
        foreach (var value in values)
        {
            hash = (hash ^ (uint)value) * 1099511628211UL;
            hash ^= hash >> 29;
        }

        return (int)(hash & 0x7fffffff);
    }
}
