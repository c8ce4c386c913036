using System.Runtime.InteropServices;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Generation over <see cref="BiLstmNetwork"/>: keeps the last <see cref="NetworkOptions.Window"/>
/// tokens and re-reads them for every prediction, as the original project did.
/// </summary>
internal sealed class BiLstmPredictor : ITokenPredictor
{
    private readonly BiLstmNetwork _network;
    private readonly long[] _window;
    private int _count;

    public BiLstmPredictor(BiLstmNetwork network)
    {
        _network = network;
        _network.eval();
        _window = new long[network.Options.Window];
    }

    public int VocabularySize => _network.VocabularySize;

    public void Reset() => _count = 0;

    public void Feed(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id must be below {VocabularySize}.");
        }

        if (_count == _window.Length)
        {
            Array.Copy(_window, 1, _window, 0, _window.Length - 1);
            _count--;
        }

        _window[_count++] = token;
    }

    public void Predict(Span<float> logits)
    {
        if (logits.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits, got {logits.Length}.", nameof(logits));
        }

        if (_count == 0)
        {
            logits.Clear();
            return;
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // A partly filled window is read as it is: shorter than in training, but the LSTM takes any length.
        var input = tensor(_window.AsSpan(0, _count).ToArray(), [1, _count]);
        var result = _network.call(input).contiguous();
        MemoryMarshal.Cast<byte, float>(result.bytes).CopyTo(logits);
    }

    public void Dispose()
    {
    }
}
