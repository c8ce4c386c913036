using System.Runtime.InteropServices;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// A LibTorch predictor that keeps the last <see cref="NetworkOptions.Window"/> tokens and
/// re-reads them for every prediction: the bilstm's only way to generate, and the transformer's
/// reference (its training semantics at every step). A partly filled window is read as it is.
/// </summary>
internal abstract class WindowPredictor : ITokenPredictor
{
    private readonly long[] _window;
    private int _count;

    protected WindowPredictor(SequenceNetwork network)
    {
        Network = network;
        Network.eval();
        _window = new long[network.Options.Window];
    }

    public int VocabularySize => Network.VocabularySize;

    protected SequenceNetwork Network { get; }

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
        var result = NextLogits(input).contiguous();
        MemoryMarshal.Cast<byte, float>(result.bytes).CopyTo(logits);
    }

    public void Dispose()
    {
        // The network belongs to the model, not to its predictors.
    }

    /// <summary>The logits [V] of the token after the window <paramref name="window"/> [1, T] (inside the caller's dispose scope).</summary>
    protected abstract Tensor NextLogits(Tensor window);
}
