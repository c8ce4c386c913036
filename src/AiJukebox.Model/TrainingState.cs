using System.Text.Json;

using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// Where a run stands (training-state.json): enough, with last.safetensors and
/// last.optimizer, to continue exactly where it stopped, mid-epoch included.
/// </summary>
internal sealed record TrainingState
{
    public const string FileName = "training-state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public required TrainingOptions Options { get; init; }

    public required string VocabularyHash { get; init; }

    /// <summary>0-based epoch to run next (or the one interrupted).</summary>
    public int Epoch { get; init; }

    /// <summary>First batch of <see cref="Epoch"/> still to run.</summary>
    public int NextBatch { get; init; }

    public double EpochLossSum { get; init; }

    public long EpochLossCount { get; init; }

    public long EpochTokens { get; init; }

    public double EpochSeconds { get; init; }

    public double BestValidationLoss { get; init; } = double.PositiveInfinity;

    public int BestEpoch { get; init; }

    public int EpochsWithoutImprovement { get; init; }

    public double TrainingSeconds { get; init; }

    public List<EpochMetrics> History { get; init; } = [];

    public BaselineSummary? Baseline { get; init; }

    public string Stopped { get; init; } = "running";

    public string WeightsSha256 { get; init; } = "";

    public string OptimizerSha256 { get; init; } = "";

    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, Json));

    public static TrainingState Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<TrainingState>(stream, Json) ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ModelFileException($"{path}: cannot read the training state ({e.Message}); start a new run without --resume.", e);
        }
    }
}
