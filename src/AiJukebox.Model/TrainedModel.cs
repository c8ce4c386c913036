using System.Globalization;
using System.Text.Json;

using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// Trained weights loaded for generation, checked against the notes file they must match.
/// Owns the network; predictors made from it share the weights and must not outlive it.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private readonly SequenceNetwork _network;

    private TrainedModel(SequenceNetwork network, string weightsPath)
    {
        _network = network;
        WeightsPath = weightsPath;
    }

    /// <summary>The network's kind and sizes.</summary>
    public NetworkOptions Network => _network.Options;

    /// <summary>The weights file that was loaded.</summary>
    public string WeightsPath { get; }

    /// <summary>
    /// Loads a model from a model card (model.json), a run folder holding one, or a
    /// .safetensors file written by training, and checks it was trained on the vocabulary of
    /// <paramref name="notes"/>.
    /// </summary>
    /// <exception cref="ModelFileException">
    /// The files are missing or unreadable, or the vocabulary differs (a one-line message naming
    /// both files).
    /// </exception>
    public static TrainedModel Load(string path, NotesFile notes, string notesPath)
    {
        var weights = ResolveWeights(path);
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            metadata = SafeTensorsFile.ReadMetadata(weights);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ModelFileException($"{weights}: cannot read the weights ({e.Message}); point at a model.json or .safetensors written by 'aijukebox train'.", e);
        }

        if (metadata.GetValueOrDefault("format") != WeightsIo.FormatName || !metadata.TryGetValue("network", out var networkJson))
        {
            throw new ModelFileException($"{weights}: not weights written by 'aijukebox train' (no '{WeightsIo.FormatName}' metadata).");
        }

        var hash = metadata.GetValueOrDefault("vocabularyHash", "");
        if (hash != notes.Vocabulary.Hash)
        {
            throw new ModelFileException($"{weights} was trained on a different vocabulary than {notesPath} (weights {Short(hash)}, notes {Short(notes.Vocabulary.Hash)}); use the notes file the model was trained with, or retrain.");
        }

        var options = JsonSerializer.Deserialize<NetworkOptions>(networkJson, WeightsIo.Json)
            ?? throw new ModelFileException($"{weights}: the network description is empty.");
        var size = int.Parse(metadata.GetValueOrDefault("vocabularySize", "0"), CultureInfo.InvariantCulture);
        var network = SequenceNetwork.Create(options, size);
        try
        {
            WeightsIo.Load(network, weights);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        network.eval();
        return new TrainedModel(network, weights);
    }

    /// <summary>A fresh predictor (empty context) over these weights.</summary>
    /// <param name="engine">What runs the steps; <see cref="InferenceEngine.Auto"/> picks the fastest this network has.</param>
    /// <exception cref="ArgumentException">The engine cannot run this kind of network.</exception>
    public ITokenPredictor CreatePredictor(InferenceEngine engine = InferenceEngine.Auto) => _network.CreatePredictor(engine);

    /// <summary>The engine <see cref="InferenceEngine.Auto"/> resolves to for this network.</summary>
    public InferenceEngine AutoEngine => _network.AutoEngine;

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();

    private static string ResolveWeights(string path)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, Trainer.ModelCardFile);
        }

        if (!File.Exists(path))
        {
            throw new ModelFileException($"{path}: no such model; train one with 'aijukebox train' or point at its model.json.");
        }

        if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var card = ModelCard.Load(path);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, card.Weights);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
