using AiJukebox.Music;

using TorchSharp;
using TorchSharp.Modules;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// A decoder-only causal Transformer: embedding → pre-norm blocks with rotary relative positions
/// → norm → linear; trained on every position of a window (teacher forcing), as the lstm.
/// Options: <see cref="NetworkOptions.EmbeddingSize"/> is the model width,
/// <see cref="NetworkOptions.HiddenSize"/> the feed-forward width, <see cref="NetworkOptions.Layers"/>
/// the blocks, <see cref="NetworkOptions.Heads"/> the attention heads, and
/// <see cref="NetworkOptions.Window"/> the context (training length and the generation window).
/// </summary>
internal sealed class TransformerNetwork : SequenceNetwork
{
    // Field names are the checkpoint's tensor names: renaming one breaks saved weights.
    private readonly Embedding embedding;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly double[] _frequencies;

    public TransformerNetwork(NetworkOptions options, int vocabularySize)
        : base("transformer", options, vocabularySize)
    {
        embedding = nn.Embedding(vocabularySize, options.EmbeddingSize);
        blocks = nn.ModuleList([.. Enumerable.Range(0, options.Layers).Select(_ => new TransformerBlock(options.EmbeddingSize, options.Heads, options.HiddenSize, options.Dropout))]);
        norm = nn.LayerNorm(options.EmbeddingSize);
        head = nn.Linear(options.EmbeddingSize, vocabularySize);
        _frequencies = RotaryPositions.Frequencies(options.EmbeddingSize / options.Heads);
        RegisterComponents();

        // GPT-2's initialization: the default N(0, 1) embedding would dwarf what the blocks add.
        using var noGrad = no_grad();
        nn.init.normal_(embedding.weight!, 0, 0.02);
    }

    public override int FirstTargetPosition => 1;

    public override InferenceEngine AutoEngine => InferenceEngine.Managed;

    /// <summary>Logits [B, T, V] for inputs [B, T] (T at most the context, positions 0..T−1).</summary>
    public override Tensor forward(Tensor input) => Forward(input, attentionSpan: 0);

    /// <summary>
    /// Logits [B, T, V] where each position attends to at most <paramref name="attentionSpan"/>
    /// tokens (itself included; 0 = all before it). A span of the context over a long stream is
    /// exactly what the managed step's key/value ring computes (rotary scores depend on distance
    /// only), so this is its reference beyond the first window.
    /// </summary>
    public Tensor Forward(Tensor input, long attentionSpan)
    {
        using var scope = NewDisposeScope();
        var length = input.shape[1];
        var (cos, sin) = Tables(length);
        Tensor? mask = null;
        if (attentionSpan > 0 && attentionSpan < length)
        {
            using var all = ones(length, length, ScalarType.Bool);
            mask = all.tril().logical_and(all.triu(-(attentionSpan - 1)));
        }

        var x = embedding.call(input);
        foreach (var block in blocks)
        {
            x = block.Forward(x, cos, sin, mask);
        }

        return head.call(norm.call(x)).MoveToOuterDisposeScope();
    }

    public override Tensor Loss(Tensor windows)
    {
        using var scope = NewDisposeScope();
        var length = windows.shape[1];
        var logits = forward(windows.narrow(1, 0, length - 1));
        var target = windows.narrow(1, 1, length - 1);
        return nn.functional.cross_entropy(logits.reshape(-1, VocabularySize), target.reshape(-1)).MoveToOuterDisposeScope();
    }

    public override ITokenPredictor CreatePredictor(InferenceEngine engine = InferenceEngine.Auto) =>
        (engine == InferenceEngine.Auto ? AutoEngine : engine) == InferenceEngine.Torch
            ? new TransformerPredictor(this)
            : new ManagedTransformerPredictor(TransformerStepWeights.From(this));

    /// <summary>The rotary tables [T, D] for positions 0..T−1, computed as the managed step does.</summary>
    private (Tensor Cos, Tensor Sin) Tables(long length)
    {
        var half = _frequencies.Length;
        var cos = new float[length * 2 * half];
        var sin = new float[length * 2 * half];
        var rowCos = new float[half];
        var rowSin = new float[half];
        for (var position = 0; position < length; position++)
        {
            RotaryPositions.Angles(_frequencies, position, rowCos, rowSin);
            var row = position * 2 * half;
            rowCos.CopyTo(cos, row);
            rowCos.CopyTo(cos, row + half);
            rowSin.CopyTo(sin, row);
            rowSin.CopyTo(sin, row + half);
        }

        return (tensor(cos, [length, 2 * half]), tensor(sin, [length, 2 * half]));
    }
}
