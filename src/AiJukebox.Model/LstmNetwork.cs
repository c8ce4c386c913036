using AiJukebox.Music;

using TorchSharp;
using TorchSharp.Modules;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>Embedding → stacked unidirectional LSTM → linear; trained on every position (teacher forcing).</summary>
internal sealed class LstmNetwork : SequenceNetwork
{
    // Field names are the checkpoint's tensor names: renaming one breaks saved weights.
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Dropout dropout;
    private readonly Linear head;

    public LstmNetwork(NetworkOptions options, int vocabularySize)
        : base("lstm", options, vocabularySize)
    {
        embedding = nn.Embedding(vocabularySize, options.EmbeddingSize);
        lstm = nn.LSTM(options.EmbeddingSize, options.HiddenSize, options.Layers, batchFirst: true, dropout: options.Layers > 1 ? options.Dropout : 0);
        dropout = nn.Dropout(options.Dropout);
        head = nn.Linear(options.HiddenSize, vocabularySize);
        RegisterComponents();
    }

    public override int FirstTargetPosition => 1;

    /// <summary>Logits [B, T, V] for inputs [B, T].</summary>
    public override Tensor forward(Tensor input)
    {
        using var embedded = embedding.call(input);
        var (output, h, c) = lstm.call(embedded);
        h.Dispose();
        c.Dispose();
        using (output)
        {
            using var dropped = dropout.call(output);
            return head.call(dropped);
        }
    }

    public override Tensor Loss(Tensor windows)
    {
        var length = windows.shape[1];
        using var input = windows.narrow(1, 0, length - 1);
        using var target = windows.narrow(1, 1, length - 1);
        using var logits = forward(input);
        using var flatLogits = logits.reshape(-1, VocabularySize);
        using var flatTarget = target.reshape(-1);
        return nn.functional.cross_entropy(flatLogits, flatTarget);
    }

    /// <summary>One generation step: the top layer's output [1, H] for token [1, 1], and the next state.</summary>
    public (Tensor Output, Tensor H, Tensor C) Step(Tensor token, (Tensor H, Tensor C)? state)
    {
        using var embedded = embedding.call(token);
        var (output, h, c) = lstm.call(embedded, state);
        using (output)
        {
            return (output.reshape(1, -1), h, c);
        }
    }

    /// <summary>Logits [1, V] from a top-layer output [1, H].</summary>
    public Tensor Head(Tensor output) => head.call(output);

    public override InferenceEngine AutoEngine => InferenceEngine.Managed;

    public override ITokenPredictor CreatePredictor(InferenceEngine engine = InferenceEngine.Auto) =>
        (engine == InferenceEngine.Auto ? AutoEngine : engine) == InferenceEngine.Torch
            ? new LstmPredictor(this)
            : new ManagedLstmPredictor(LstmStepWeights.From(this));
}
