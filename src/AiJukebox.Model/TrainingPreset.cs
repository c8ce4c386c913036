using System.Reflection;
using System.Text.Json;

namespace AiJukebox.Model;

/// <summary>
/// Named training settings from config/presets/*.json (built into this assembly, so the exe
/// needs no config folder beside it). A path to a .json file of the same shape also works.
/// </summary>
public static class TrainingPreset
{
    private const string ResourcePrefix = "AiJukebox.Model.Presets.";

    /// <summary>The built-in preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(TrainingPreset).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads a built-in preset by name, or a preset file by path.</summary>
    /// <exception cref="ArgumentException">Unknown name, unreadable file, or a malformed preset.</exception>
    public static TrainingOptions Load(string nameOrPath)
    {
        using var stream = Open(nameOrPath);
        try
        {
            using var document = JsonDocument.Parse(stream);
            return FromJson(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"Preset '{nameOrPath}' is not valid ({e.Message}); compare it with config/presets/default.json.", e);
        }
    }

    private static Stream Open(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return File.OpenRead(nameOrPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"{nameOrPath}: cannot read the preset ({e.Message}).", e);
            }
        }

        return Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + nameOrPath + ".json")
            ?? throw new ArgumentException($"--preset '{nameOrPath}' is unknown; use one of {string.Join(", ", Names)} or a path to a .json preset.");
    }

    private static TrainingOptions FromJson(JsonElement root)
    {
        var network = new NetworkOptions(
            root.GetProperty("model").GetString() ?? "",
            root.GetProperty("embedding").GetInt32(),
            root.GetProperty("hidden").GetInt32(),
            root.GetProperty("layers").GetInt32(),
            root.GetProperty("dense").GetInt32(),
            root.GetProperty("dropout").GetDouble(),
            root.GetProperty("seqLen").GetInt32())
        {
            Heads = root.TryGetProperty("heads", out var heads) ? heads.GetInt32() : 0,
        };
        return new TrainingOptions
        {
            Network = network,
            Stride = root.GetProperty("stride").GetInt32(),
            Epochs = root.GetProperty("epochs").GetInt32(),
            BatchSize = root.GetProperty("batchSize").GetInt32(),
            Optimizer = root.GetProperty("optimizer").GetString() ?? "",
            LearningRate = root.GetProperty("lr").GetDouble(),
            WarmupSteps = root.TryGetProperty("warmup", out var warmup) ? warmup.GetInt32() : 0,
            ClipNorm = root.GetProperty("clipNorm").GetDouble(),
            Patience = root.GetProperty("patience").GetInt32(),
            AugmentTranspose = root.GetProperty("augmentTranspose").GetInt32(),
            ValidationFraction = root.GetProperty("validationFraction").GetDouble(),
        };
    }
}
