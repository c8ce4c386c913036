using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Generation over <see cref="TransformerNetwork"/> in LibTorch: re-reads the last
/// <see cref="NetworkOptions.Window"/> tokens for every prediction. Exact training semantics and
/// the reference the managed step is tested against; it costs a whole window per token, so the
/// managed engine (a key/value cache) is what plays live.
/// </summary>
internal sealed class TransformerPredictor(TransformerNetwork network) : WindowPredictor(network)
{
    protected override Tensor NextLogits(Tensor window) => network.call(window)[0, window.shape[1] - 1];
}
