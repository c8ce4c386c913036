using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// Stateful generation over an <see cref="LstmNetwork"/>'s weights without LibTorch: one
/// <see cref="Feed"/> is one LSTM step on preallocated buffers, so a token costs the same
/// arithmetic every time and allocates nothing (no garbage collections for a live clock
/// thread to be paused by). Matches the LibTorch step to float rounding (tested).
/// </summary>
internal sealed class ManagedLstmPredictor : ITokenPredictor
{
    private readonly LstmStepWeights _weights;
    private readonly float[][] _h;
    private readonly float[][] _c;
    private readonly float[] _gates;
    private readonly float[] _joinedInput;
    private bool _hasContext;

    public ManagedLstmPredictor(LstmStepWeights weights)
    {
        _weights = weights;
        var hidden = weights.Hidden;
        _h = new float[weights.Layers][];
        _c = new float[weights.Layers][];
        for (var layer = 0; layer < weights.Layers; layer++)
        {
            _h[layer] = new float[hidden];
            _c[layer] = new float[hidden];
        }

        _gates = new float[4 * hidden];
        _joinedInput = new float[2 * hidden];
    }

    public int VocabularySize => _weights.Vocabulary;

    public void Reset()
    {
        for (var layer = 0; layer < _weights.Layers; layer++)
        {
            Array.Clear(_h[layer]);
            Array.Clear(_c[layer]);
        }

        _hasContext = false;
    }

    public void Feed(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id must be below {VocabularySize}.");
        }

        var hidden = _weights.Hidden;
        var gateCount = 4 * hidden;
        DenseKernels.MultiplyAdd(_weights.Recurrent0, _h[0], _weights.TokenGates.AsSpan(token * gateCount, gateCount), _gates);
        DenseKernels.CellUpdate(_gates, _h[0], _c[0]);
        for (var layer = 1; layer < _weights.Layers; layer++)
        {
            _h[layer - 1].CopyTo(_joinedInput, 0);
            _h[layer].CopyTo(_joinedInput, hidden);
            DenseKernels.MultiplyAdd(_weights.Joined[layer - 1], _joinedInput, _weights.JoinedBias[layer - 1], _gates);
            DenseKernels.CellUpdate(_gates, _h[layer], _c[layer]);
        }

        _hasContext = true;
    }

    public void Predict(Span<float> logits)
    {
        if (logits.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits, got {logits.Length}.", nameof(logits));
        }

        if (!_hasContext)
        {
            // No context yet: no preference (as the LibTorch predictor).
            logits.Clear();
            return;
        }

        DenseKernels.MultiplyAdd(_weights.Head, _h[^1], _weights.HeadBias, logits);
    }

    public void Dispose()
    {
        // Nothing native: the weights are managed arrays.
    }
}
