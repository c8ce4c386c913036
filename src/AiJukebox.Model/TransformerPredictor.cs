using System.Runtime.InteropServices;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Generation over <see cref="TransformerNetwork"/> in LibTorch: keeps the last
/// <see cref="NetworkOptions.Window"/> tokens and re-reads them for every prediction. Exact
/// training semantics and the reference the managed step is tested against; it costs a whole
/// window per token, so the managed engine (a key/value cache) is what plays live.
/// </summary>
internal sealed class TransformerPredictor : ITokenPredictor
{
    private readonly TransformerNetwork _network;
    private readonly long[] _window;
    private int _count;

    public TransformerPredictor(TransformerNetwork network)
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
        var input = tensor(_window.AsSpan(0, _count).ToArray(), [1, _count]);
        var last = _network.call(input)[0, _count - 1].contiguous();
        MemoryMarshal.Cast<byte, float>(last.bytes).CopyTo(logits);
    }

    public void Dispose()
    {
    }
}
