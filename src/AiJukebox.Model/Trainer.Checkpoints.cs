using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>The run folder's files.</summary>
public sealed partial class Trainer
{
    /// <summary>The weights to resume from.</summary>
    public const string LastWeights = "last.safetensors";

    /// <summary>The best weights by validation loss (what model.json points at).</summary>
    public const string BestWeights = "best.safetensors";

    /// <summary>The optimizer state that goes with <see cref="LastWeights"/>.</summary>
    public const string LastOptimizer = "last.optimizer";

    /// <summary>The model card.</summary>
    public const string ModelCardFile = "model.json";

    /// <summary>
    /// The settings a run folder's checkpoint was trained with, or null when the folder holds no
    /// training state; what <c>--resume</c> continues with unless the caller changes the epochs,
    /// patience, threads or batch cap.
    /// </summary>
    /// <exception cref="ModelFileException">The training state is unreadable.</exception>
    public static TrainingOptions? SavedOptions(string runDirectory)
    {
        var path = Path.Combine(runDirectory, TrainingState.FileName);
        return File.Exists(path) ? TrainingState.Load(path).Options : null;
    }

    private string InRun(string name) => Path.Combine(_runDirectory, name);

    private TrainingState LoadStateForResume()
    {
        var path = InRun(TrainingState.FileName);
        if (!File.Exists(path))
        {
            throw new ModelFileException($"{_runDirectory}: no {TrainingState.FileName} to resume from; start without --resume.");
        }

        var state = TrainingState.Load(path);
        if (state.VocabularyHash != _notes.Vocabulary.Hash)
        {
            throw new ModelFileException($"{path} was trained on a different vocabulary than {_notesPath} (run {Short(state.VocabularyHash)}, notes {Short(_notes.Vocabulary.Hash)}); resume with the notes file the run started with.");
        }

        // The shape, data and random streams must stay as they were; only how long and how fast may change.
        _options = state.Options with
        {
            Epochs = _options.Epochs,
            Patience = _options.Patience,
            Threads = _options.Threads,
            MaxBatchesPerEpoch = _options.MaxBatchesPerEpoch,
        };
        return state with { Options = _options };
    }

    private void LoadCheckpoint(SequenceNetwork network, optim.Optimizer optimizer, TrainingState state)
    {
        var weights = InRun(LastWeights);
        var optimizerPath = InRun(LastOptimizer);
        if (!File.Exists(weights) || !File.Exists(optimizerPath) || Sha256(weights) != state.WeightsSha256 || Sha256(optimizerPath) != state.OptimizerSha256)
        {
            throw new ModelFileException($"{_runDirectory}: {LastWeights}, {LastOptimizer} and {TrainingState.FileName} do not belong together (interrupted while saving?); start a new run.");
        }

        WeightsIo.Load(network, weights);
        using var reader = new BinaryReader(File.OpenRead(optimizerPath));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
    }

    private void SaveLast(SequenceNetwork network, optim.Optimizer optimizer, ref TrainingState state)
    {
        var weights = InRun(LastWeights);
        WeightsIo.Save(network, weights, Metadata());
        var optimizerPath = InRun(LastOptimizer);
        AtomicFile.Write(optimizerPath, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        });
        // The state is written last and names the hashes of the other two, so a crash between
        // the writes is detected on resume instead of mixing weights from different steps.
        state = state with { WeightsSha256 = Sha256(weights), OptimizerSha256 = Sha256(optimizerPath) };
        state.Save(InRun(TrainingState.FileName));
    }

    private void SaveEpoch(SequenceNetwork network, optim.Optimizer optimizer, TrainingData data, EpochMetrics metrics, bool improved, ref TrainingState state)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"epoch-{metrics.Epoch:D3}-loss-{metrics.TrainLoss:F4}-val-{metrics.ValidationLoss:F4}.safetensors");
        WeightsIo.Save(network, InRun(name), Metadata());
        if (improved)
        {
            WeightsIo.Save(network, InRun(BestWeights), Metadata());
        }

        SaveLast(network, optimizer, ref state);
        TrainingHistory.WriteCsv(InRun("history.csv"), state.History);
        TrainingHistory.WritePlot(InRun("loss.png"), state.History, state.Baseline?.Perplexity ?? double.NaN);
        CreateCard(data, state).Save(InRun(ModelCardFile));
    }

    private ModelCard CreateCard(TrainingData data, TrainingState state) => new()
    {
        Network = _options.Network,
        Weights = BestWeights,
        Tokenizer = _notes.Tokenizer,
        TokenizerSettings = _notes.Settings,
        VocabularySize = _notes.Vocabulary.Count,
        VocabularyHash = _notes.Vocabulary.Hash,
        Corpus = new CorpusSummary(
            Path.GetFileName(_notesPath),
            _notes.Pieces.Count,
            _notes.TokenCount,
            data.Split.TrainPieces.Count,
            data.Train.TokenCount,
            data.Split.ValidationPieces.Count,
            data.Validation.TokenCount,
            _options.Attribution),
        Training = _options,
        Epochs = state.History,
        BestEpoch = state.BestEpoch,
        ValidationLoss = state.BestValidationLoss,
        ValidationPerplexity = Math.Exp(state.BestValidationLoss),
        Baseline = state.Baseline!,
        TrainingSeconds = state.TrainingSeconds,
        Stopped = state.Stopped,
    };

    private Dictionary<string, string> Metadata() => new(StringComparer.Ordinal)
    {
        ["format"] = WeightsIo.FormatName,
        ["network"] = JsonSerializer.Serialize(_options.Network, WeightsIo.Json),
        ["vocabularyHash"] = _notes.Vocabulary.Hash,
        ["vocabularySize"] = _notes.Vocabulary.Count.ToString(CultureInfo.InvariantCulture),
        ["tokenizer"] = _notes.Tokenizer,
    };

    private TrainingResult Result(TrainingStatus status, TrainingState state)
    {
        var card = InRun(ModelCardFile);
        return new TrainingResult(status, _runDirectory, InRun(LastWeights), File.Exists(card) ? card : null, state.BestValidationLoss, state.Baseline?.Perplexity ?? double.NaN);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
