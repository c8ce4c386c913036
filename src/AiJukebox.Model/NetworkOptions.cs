using System.Text.Json.Serialization;

namespace AiJukebox.Model;

/// <summary>The shape of a network: what the model card records and what loading rebuilds.</summary>
/// <param name="Kind">"lstm" (stateful, one step per token), "bilstm" (re-reads a window per token) or "transformer" (causal attention with a key/value cache).</param>
/// <param name="EmbeddingSize">Size of the token embedding (the transformer's model width).</param>
/// <param name="HiddenSize">LSTM hidden size (per direction); the transformer's feed-forward width.</param>
/// <param name="Layers">Number of stacked LSTM layers or transformer blocks.</param>
/// <param name="DenseSize">Size of the bilstm's dense layer (unused by lstm).</param>
/// <param name="Dropout">Dropout probability during training.</param>
/// <param name="Window">Tokens per training window; the bilstm predictor reads this many; the transformer's context.</param>
public sealed record NetworkOptions(string Kind, int EmbeddingSize, int HiddenSize, int Layers, int DenseSize, double Dropout, int Window)
{
    /// <summary>The stateful unidirectional network.</summary>
    public const string Lstm = "lstm";

    /// <summary>The original project's bidirectional window network.</summary>
    public const string BiLstm = "bilstm";

    /// <summary>The decoder-only causal Transformer with rotary relative positions.</summary>
    public const string Transformer = "transformer";

    /// <summary>The transformer's attention heads (0 for the other kinds); the width must divide into heads of even size.</summary>
    public int Heads { get; init; }

    /// <summary>"256x2": the recurrent networks' hidden size, or the transformer's width, by the layers.</summary>
    [JsonIgnore]
    public string Shape => $"{(Kind == Transformer ? EmbeddingSize : HiddenSize)}x{Layers}";

    /// <summary>The largest embedding, hidden or dense size.</summary>
    public const int MaxSize = 16_384;

    /// <summary>The most layers or blocks.</summary>
    public const int MaxLayers = 128;

    /// <summary>The longest window (context).</summary>
    public const int MaxWindow = 65_536;

    /// <summary>Checks the values; the message names the option to fix.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Kind is not (Lstm or BiLstm or Transformer))
        {
            throw new ArgumentException($"--model '{Kind}' is unknown; use '{Lstm}', '{BiLstm}' or '{Transformer}'.");
        }

        if (Kind == Transformer)
        {
            Require(Heads >= 1, "--heads must be at least 1 for a transformer.");
            Require(EmbeddingSize % Heads == 0 && EmbeddingSize / Heads % 2 == 0, $"--embedding ({EmbeddingSize}) must split into {Heads} heads of an even size.");
        }

        Require(EmbeddingSize >= 1, "--embedding must be at least 1.");
        Require(HiddenSize >= 1, "--hidden must be at least 1.");
        Require(Layers >= 1, "--layers must be at least 1.");
        Require(DenseSize >= 1, "the dense size must be at least 1.");
        Require(Dropout is >= 0 and < 1, "--dropout must be in [0, 1).");
        Require(Window >= 2, "--seq-len must be at least 2.");

        // Far beyond what trains on a CPU; the caps keep a forged description from asking for terabytes.
        Require(EmbeddingSize <= MaxSize && HiddenSize <= MaxSize && DenseSize <= MaxSize, $"--embedding, --hidden and the dense size must be at most {MaxSize}.");
        Require(Layers <= MaxLayers, $"--layers must be at most {MaxLayers}.");
        Require(Window <= MaxWindow, $"--seq-len must be at most {MaxWindow}.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
