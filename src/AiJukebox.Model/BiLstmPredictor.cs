using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Generation over <see cref="BiLstmNetwork"/>: keeps the last <see cref="NetworkOptions.Window"/>
/// tokens and re-reads them for every prediction, as the original project did (the LSTM takes
/// a partly filled window as it is: shorter than in training).
/// </summary>
internal sealed class BiLstmPredictor(BiLstmNetwork network) : WindowPredictor(network)
{
    protected override Tensor NextLogits(Tensor window) => network.call(window)[0];
}
