using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>A <see cref="TransformerNetwork"/>'s weights copied out of LibTorch for the managed one-token step.</summary>
internal sealed class TransformerStepWeights
{
    private TransformerStepWeights(NetworkOptions options, int vocabulary)
    {
        Vocabulary = vocabulary;
        Width = options.EmbeddingSize;
        FeedForward = options.HiddenSize;
        Heads = options.Heads;
        Context = options.Window;
    }

    public int Vocabulary { get; }

    public int Width { get; }

    public int FeedForward { get; }

    public int Heads { get; }

    public int Context { get; }

    public int HeadSize => Width / Heads;

    /// <summary>[V, W].</summary>
    public float[] Embedding { get; private init; } = [];

    public BlockWeights[] Blocks { get; private init; } = [];

    public float[] NormGain { get; private init; } = [];

    public float[] NormBias { get; private init; } = [];

    /// <summary>[V, W].</summary>
    public float[] Head { get; private init; } = [];

    public float[] HeadBias { get; private init; } = [];

    /// <summary>Copies the weights out of the network (which keeps its own).</summary>
    public static TransformerStepWeights From(TransformerNetwork network)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var state = network.state_dict();
        float[] Read(string name) => state[name].detach().contiguous().to(ScalarType.Float32).data<float>().ToArray();

        return new TransformerStepWeights(network.Options, network.VocabularySize)
        {
            Embedding = Read("embedding.weight"),
            Blocks = [.. Enumerable.Range(0, network.Options.Layers).Select(layer => new BlockWeights
            {
                AttentionNormGain = Read($"blocks.{layer}.attentionNorm.weight"),
                AttentionNormBias = Read($"blocks.{layer}.attentionNorm.bias"),
                Qkv = Read($"blocks.{layer}.qkv.weight"),
                QkvBias = Read($"blocks.{layer}.qkv.bias"),
                Projection = Read($"blocks.{layer}.projection.weight"),
                ProjectionBias = Read($"blocks.{layer}.projection.bias"),
                FeedForwardNormGain = Read($"blocks.{layer}.feedForwardNorm.weight"),
                FeedForwardNormBias = Read($"blocks.{layer}.feedForwardNorm.bias"),
                Up = Read($"blocks.{layer}.up.weight"),
                UpBias = Read($"blocks.{layer}.up.bias"),
                Down = Read($"blocks.{layer}.down.weight"),
                DownBias = Read($"blocks.{layer}.down.bias"),
            })],
            NormGain = Read("norm.weight"),
            NormBias = Read("norm.bias"),
            Head = Read("head.weight"),
            HeadBias = Read("head.bias"),
        };
    }

    /// <summary>One block's matrices (row-major, [out, in]) and vectors.</summary>
    internal sealed class BlockWeights
    {
        public required float[] AttentionNormGain { get; init; }

        public required float[] AttentionNormBias { get; init; }

        /// <summary>[3W, W]: queries, keys, values.</summary>
        public required float[] Qkv { get; init; }

        public required float[] QkvBias { get; init; }

        public required float[] Projection { get; init; }

        public required float[] ProjectionBias { get; init; }

        public required float[] FeedForwardNormGain { get; init; }

        public required float[] FeedForwardNormBias { get; init; }

        public required float[] Up { get; init; }

        public required float[] UpBias { get; init; }

        public required float[] Down { get; init; }

        public required float[] DownBias { get; init; }
    }
}
