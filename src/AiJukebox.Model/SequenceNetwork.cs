using AiJukebox.Music;

using TorchSharp;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// What the trainer and the loader need from a network. Batches are windows of
/// <see cref="NetworkOptions.Window"/> + 1 token ids; which positions a network predicts
/// differs (every position for lstm and transformer, the last for bilstm), so the loss and the baseline ask it.
/// </summary>
internal abstract class SequenceNetwork : nn.Module<Tensor, Tensor>
{
    protected SequenceNetwork(string name, NetworkOptions options, int vocabularySize)
        : base(name)
    {
        Options = options;
        VocabularySize = vocabularySize;
    }

    public NetworkOptions Options { get; }

    public int VocabularySize { get; }

    /// <summary>First position of a window (length Window + 1) whose token is predicted; the rest up to the end are too.</summary>
    public abstract int FirstTargetPosition { get; }

    /// <summary>Mean cross-entropy over the predicted positions of a batch [B, Window + 1].</summary>
    public abstract Tensor Loss(Tensor windows);

    /// <summary>A predictor over this network (which it switches to eval mode); the predictor does not own the network.</summary>
    public abstract ITokenPredictor CreatePredictor(InferenceEngine engine = InferenceEngine.Auto);

    /// <summary>What <see cref="InferenceEngine.Auto"/> means for this network.</summary>
    public virtual InferenceEngine AutoEngine => InferenceEngine.Torch;

    public static SequenceNetwork Create(NetworkOptions options, int vocabularySize) => options.Kind switch
    {
        NetworkOptions.Lstm => new LstmNetwork(options, vocabularySize),
        NetworkOptions.BiLstm => new BiLstmNetwork(options, vocabularySize),
        NetworkOptions.Transformer => new TransformerNetwork(options, vocabularySize),
        _ => throw new ArgumentException($"Unknown model kind '{options.Kind}'."),
    };
}
