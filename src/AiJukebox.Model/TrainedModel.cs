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

        var options = ReadNetwork(weights, networkJson);
        if (!int.TryParse(metadata.GetValueOrDefault("vocabularySize"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size != notes.Vocabulary.Count)
        {
            throw new ModelFileException($"{weights}: its vocabulary size '{metadata.GetValueOrDefault("vocabularySize")}' is not the notes file's {notes.Vocabulary.Count}; the file is damaged.");
        }

        if (MinimumParameters(options, size) > SafeTensorsFile.DataBytes(weights) / sizeof(float))
        {
            // Checked before the network is built: a forged description must not allocate gigabytes.
            throw new ModelFileException($"{weights}: its network description ({options.Kind}, {options.Shape}) needs more weights than the file holds; the file is damaged.");
        }

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

    /// <summary>First position of a window of <see cref="NetworkOptions.Window"/> + 1 tokens whose token the network predicts.</summary>
    internal int FirstTargetPosition => _network.FirstTargetPosition;

    /// <summary>
    /// Perplexity on <paramref name="pieces"/> measured exactly as training measures validation:
    /// non-overlapping windows of <see cref="NetworkOptions.Window"/> + 1 tokens (a piece's
    /// tail shorter than that is left out), the mean cross-entropy of each window's predicted
    /// positions averaged over the windows, then exp. On the model's validation pieces it
    /// reproduces the model card's <see cref="ModelCard.ValidationPerplexity"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No piece is a whole window long, or a token is outside the vocabulary.</exception>
    public double Perplexity(IEnumerable<int[]> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var windows = new WindowSet(pieces, Network.Window + 1, Network.Window);
        if (windows.Count == 0)
        {
            throw new ArgumentException($"No piece is at least {Network.Window + 1} tokens long, so there is no window to measure perplexity on.", nameof(pieces));
        }

        // Mirrors Trainer.Evaluate (batches of 64, eval mode, no gradients), so the figures agree.
        const int BatchSize = 64;
        _network.eval();
        using var noGrad = TorchSharp.torch.no_grad();
        double sum = 0;
        for (var start = 0; start < windows.Count; start += BatchSize)
        {
            using var scope = TorchSharp.torch.NewDisposeScope();
            var count = Math.Min(BatchSize, windows.Count - start);
            var values = new long[count * windows.Length];
            for (var i = 0; i < count; i++)
            {
                var window = windows.Window(start + i);
                for (var j = 0; j < window.Length; j++)
                {
                    values[(i * windows.Length) + j] = (uint)window[j] < (uint)_network.VocabularySize
                        ? window[j]
                        : throw new ArgumentException($"Token id {window[j]} is outside the model's vocabulary of {_network.VocabularySize}.", nameof(pieces));
                }
            }

            var loss = _network.Loss(TorchSharp.torch.tensor(values, [count, windows.Length]));
            sum += loss.item<float>() * count;
        }

        return Math.Exp(sum / windows.Count);
    }

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
        return ModelCard.FileBeside(path, card.Weights);
    }

    private static NetworkOptions ReadNetwork(string weights, string json)
    {
        try
        {
            var options = JsonSerializer.Deserialize<NetworkOptions>(json, WeightsIo.Json)
                ?? throw new ModelFileException($"{weights}: the network description is empty.");
            options.Validate();
            return options;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new ModelFileException($"{weights}: the network description is damaged ({e.Message}).", e);
        }
    }

    /// <summary>
    /// A lower bound on the parameters a network of this shape has (its embedding table, its
    /// output layer, each layer's weight matrices), so a description that needs more than the file
    /// holds is known to be forged before anything is allocated.
    /// </summary>
    private static double MinimumParameters(NetworkOptions options, int vocabulary)
    {
        double e = options.EmbeddingSize, h = options.HiddenSize, d = options.DenseSize, layers = options.Layers, v = vocabulary;
        return options.Kind switch
        {
            NetworkOptions.Transformer => (2 * v * e) + (layers * ((4 * e * e) + (2 * e * h))),
            NetworkOptions.BiLstm => (v * e) + (layers * 2 * 4 * h * h) + (2 * h * d) + (d * v),
            _ => (v * e) + (layers * 4 * h * h) + (h * v),
        };
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
