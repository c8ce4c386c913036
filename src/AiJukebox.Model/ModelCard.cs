using System.Text.Json;
using System.Text.Json.Serialization;

using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>The JSON beside the weights (model.json): what the model is, what it was trained on, how well it does.</summary>
public sealed record ModelCard
{
    /// <summary>The value of "format".</summary>
    public const string FormatName = "aijukebox-model";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,

        // A card with "weights": null is damaged, not a card with no weights.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The card version this build writes and reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>Format version.</summary>
    public int Version { get; init; } = SupportedVersion;

    /// <summary>The network's kind and sizes.</summary>
    public required NetworkOptions Network { get; init; }

    /// <summary>The weights file, relative to the card.</summary>
    public required string Weights { get; init; }

    /// <summary>Tokenizer name.</summary>
    public required string Tokenizer { get; init; }

    /// <summary>Tokenizer settings.</summary>
    public required IReadOnlyDictionary<string, string> TokenizerSettings { get; init; }

    /// <summary>Vocabulary size.</summary>
    public required int VocabularySize { get; init; }

    /// <summary>SHA-256 of the vocabulary (see <see cref="Vocabulary.Hash"/>).</summary>
    public required string VocabularyHash { get; init; }

    /// <summary>What it was trained on.</summary>
    public required CorpusSummary Corpus { get; init; }

    /// <summary>The training settings.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Per-epoch figures.</summary>
    public required IReadOnlyList<EpochMetrics> Epochs { get; init; }

    /// <summary>The epoch whose weights are <see cref="Weights"/>.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Validation loss of the best epoch.</summary>
    public double ValidationLoss { get; init; }

    /// <summary>exp(<see cref="ValidationLoss"/>).</summary>
    public double ValidationPerplexity { get; init; }

    /// <summary>The n-gram baseline on the same split.</summary>
    public required BaselineSummary Baseline { get; init; }

    /// <summary>Total training wall time in seconds.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>Why training stopped ("completed", "early-stopped", "cancelled", or "running").</summary>
    public string Stopped { get; init; } = "running";

    /// <summary>
    /// A file the card names (its weights, its notes file), resolved in the card's folder: a card
    /// can be downloaded or shared, so it may not point outside that folder.
    /// </summary>
    /// <exception cref="ModelFileException">The name is absolute or leads out of the folder.</exception>
    public static string FileBeside(string cardPath, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ModelFileException($"{cardPath} names an empty file; the card is damaged.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(cardPath))!;
        var full = Path.GetFullPath(Path.Combine(folder, name));
        var relative = Path.GetRelativePath(folder, full);
        if (Path.IsPathRooted(name) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new ModelFileException($"{cardPath} names '{name}', which is outside the model's folder; a model card may only name files beside it.");
        }

        return full;
    }

    /// <summary>Writes the card atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, Json));

    /// <summary>Reads a card.</summary>
    /// <exception cref="ModelFileException">Missing, unreadable or not a model card.</exception>
    public static ModelCard Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var card = JsonSerializer.Deserialize<ModelCard>(stream, Json);
            if (card is null || card.Format != FormatName)
            {
                throw new ModelFileException($"{path}: not a model card (expected format '{FormatName}'); point at the model.json written by 'aijukebox train'.");
            }

            if (card.Version is < 1 or > SupportedVersion)
            {
                throw new ModelFileException($"{path}: model card version {card.Version}, but this aijukebox reads version {SupportedVersion}; update aijukebox or retrain the model.");
            }

            return card;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException($"{path}: cannot read the model card ({e.Message}); check the path.", e);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path}: not a valid model card ({e.Message}); point at the model.json written by 'aijukebox train'.", e);
        }
    }
}
