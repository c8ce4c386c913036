using AiJukebox.Music;

using TorchSharp;
using TorchSharp.Modules;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// The original project's architecture with an embedding: a window of N tokens →
/// bidirectional LSTM → dense (ReLU) → dropout → dense(vocabulary); one prediction per window.
/// </summary>
internal sealed class BiLstmNetwork : SequenceNetwork
{
    // Field names are the checkpoint's tensor names: renaming one breaks saved weights.
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear dense;
    private readonly Dropout dropout;
    private readonly Linear head;

    public BiLstmNetwork(NetworkOptions options, int vocabularySize)
        : base("bilstm", options, vocabularySize)
    {
        embedding = nn.Embedding(vocabularySize, options.EmbeddingSize);
        lstm = nn.LSTM(options.EmbeddingSize, options.HiddenSize, options.Layers, batchFirst: true, dropout: options.Layers > 1 ? options.Dropout : 0, bidirectional: true);
        dense = nn.Linear(2 * options.HiddenSize, options.DenseSize);
        dropout = nn.Dropout(options.Dropout);
        head = nn.Linear(options.DenseSize, vocabularySize);
        RegisterComponents();
    }

    public override int FirstTargetPosition => Options.Window;

    /// <summary>Logits [B, V] of the token after each window [B, T].</summary>
    public override Tensor forward(Tensor input)
    {
        using var embedded = embedding.call(input);
        var (output, h, c) = lstm.call(embedded);
        output.Dispose();
        c.Dispose();
        using (h)
        {
            // h is [layers * 2, B, H]: the last two rows are the top layer's forward state after
            // the last token and backward state after the first, as Keras' Bidirectional returns.
            var layers = h.shape[0];
            using var forwardState = h[layers - 2];
            using var backwardState = h[layers - 1];
            using var both = cat([forwardState, backwardState], 1);
            using var projected = dense.call(both);
            using var activated = nn.functional.relu(projected);
            using var dropped = dropout.call(activated);
            return head.call(dropped);
        }
    }

    public override Tensor Loss(Tensor windows)
    {
        var length = windows.shape[1];
        using var input = windows.narrow(1, 0, length - 1);
        using var target = windows[.., (int)(length - 1)];
        using var logits = forward(input);
        return nn.functional.cross_entropy(logits, target);
    }

    public override ITokenPredictor CreatePredictor(InferenceEngine engine = InferenceEngine.Auto) => engine == InferenceEngine.Managed
        ? throw new ArgumentException("The managed engine runs lstm and transformer models; use --engine torch (or auto) for a bilstm model.")
        : new BiLstmPredictor(this);
}
