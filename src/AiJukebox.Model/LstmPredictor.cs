using System.Runtime.InteropServices;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// Stateful generation over <see cref="LstmNetwork"/>: each <see cref="Feed"/> is one LSTM step
/// (constant cost); the hidden state lives in tensors kept outside any dispose scope and
/// replaced step by step, so memory stays flat however long it runs.
/// </summary>
internal sealed class LstmPredictor : ITokenPredictor
{
    private readonly LstmNetwork _network;
    private Tensor? _h;
    private Tensor? _c;
    private Tensor? _output;

    public LstmPredictor(LstmNetwork network)
    {
        _network = network;
        _network.eval();
    }

    public int VocabularySize => _network.VocabularySize;

    public void Reset() => DisposeState();

    public void Feed(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id must be below {VocabularySize}.");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor((long)token).reshape(1, 1);
        var (output, h, c) = _network.Step(input, _h is null ? null : (_h, _c!));
        DisposeState();
        // Detached, not moved to the outer scope: a caller's own scope must not dispose our state.
        _output = output.DetachFromDisposeScope();
        _h = h.DetachFromDisposeScope();
        _c = c.DetachFromDisposeScope();
    }

    public void Predict(Span<float> logits)
    {
        if (logits.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits, got {logits.Length}.", nameof(logits));
        }

        if (_output is null)
        {
            // No context yet: no preference.
            logits.Clear();
            return;
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var result = _network.Head(_output).contiguous();
        MemoryMarshal.Cast<byte, float>(result.bytes).CopyTo(logits);
    }

    public void Dispose() => DisposeState();

    private void DisposeState()
    {
        _output?.Dispose();
        _h?.Dispose();
        _c?.Dispose();
        _output = _h = _c = null;
    }
}
