using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// Streaming generation over a <see cref="TransformerNetwork"/>'s weights without LibTorch: each
/// <see cref="Feed"/> runs one token through the blocks and appends its keys and values to a
/// per-layer cache of the last <see cref="NetworkOptions.Window"/> tokens (a ring: the oldest
/// is overwritten; each head's keys and values are contiguous [slot, head size] rows, so a head's
/// scores are one matrix-vector product). Every token after the first window costs the same arithmetic and memory
/// however long the stream runs, and nothing is allocated. Within the first window it equals
/// the LibTorch forward pass to float rounding (tested); after that each token attends to the
/// last window of cached keys, whose own contexts reach further back (as sliding-window
/// attention does), where re-reading the window would recompute them.
/// </summary>
internal sealed class ManagedTransformerPredictor : ITokenPredictor
{
    private readonly TransformerStepWeights _weights;
    private readonly double[] _frequencies;
    private readonly float[][] _keys;
    private readonly float[][] _values;
    private readonly float[] _x;
    private readonly float[] _normed;
    private readonly float[] _qkv;
    private readonly float[] _attended;
    private readonly float[] _delta;
    private readonly float[] _hidden;
    private readonly float[] _scores;
    private readonly float[] _noBias;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly float _scale;
    private long _position;

    public ManagedTransformerPredictor(TransformerStepWeights weights)
    {
        _weights = weights;
        var width = weights.Width;
        _frequencies = RotaryPositions.Frequencies(weights.HeadSize);
        _keys = new float[weights.Blocks.Length][];
        _values = new float[weights.Blocks.Length][];
        for (var layer = 0; layer < weights.Blocks.Length; layer++)
        {
            _keys[layer] = new float[weights.Context * width];
            _values[layer] = new float[weights.Context * width];
        }

        _x = new float[width];
        _normed = new float[width];
        _qkv = new float[3 * width];
        _attended = new float[width];
        _delta = new float[width];
        _hidden = new float[weights.FeedForward];
        _scores = new float[weights.Context];
        _noBias = new float[weights.Context];
        _cos = new float[_frequencies.Length];
        _sin = new float[_frequencies.Length];
        _scale = 1f / MathF.Sqrt(weights.HeadSize);
    }

    public int VocabularySize => _weights.Vocabulary;

    public void Reset() => _position = 0;

    public void Feed(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id must be below {VocabularySize}.");
        }

        var width = _weights.Width;
        var headSize = _weights.HeadSize;
        var context = _weights.Context;
        var slot = (int)(_position % context);
        var cached = (int)Math.Min(_position + 1, context);
        _weights.Embedding.AsSpan(token * width, width).CopyTo(_x);
        RotaryPositions.Angles(_frequencies, _position, _cos, _sin);

        for (var layer = 0; layer < _weights.Blocks.Length; layer++)
        {
            var block = _weights.Blocks[layer];
            var keys = _keys[layer];
            var values = _values[layer];

            DenseKernels.LayerNorm(_x, block.AttentionNormGain, block.AttentionNormBias, _normed);
            DenseKernels.MultiplyAdd(block.Qkv, _normed, block.QkvBias, _qkv);
            var query = _qkv.AsSpan(0, width);
            var key = _qkv.AsSpan(width, width);
            for (var h = 0; h < _weights.Heads; h++)
            {
                RotaryPositions.Rotate(query.Slice(h * headSize, headSize), _cos, _sin);
                RotaryPositions.Rotate(key.Slice(h * headSize, headSize), _cos, _sin);
            }

            var headBlock = context * headSize;
            for (var h = 0; h < _weights.Heads; h++)
            {
                var row = (h * headBlock) + (slot * headSize);
                key.Slice(h * headSize, headSize).CopyTo(keys.AsSpan(row, headSize));
                _qkv.AsSpan((2 * width) + (h * headSize), headSize).CopyTo(values.AsSpan(row, headSize));
            }

            // Softmax-weighted sums do not depend on the order of the cached slots.
            Array.Clear(_attended);
            var scores = _scores.AsSpan(0, cached);
            for (var h = 0; h < _weights.Heads; h++)
            {
                var headKeys = keys.AsSpan(h * headBlock, cached * headSize);
                var headValues = values.AsSpan(h * headBlock, cached * headSize);
                DenseKernels.MultiplyAdd(headKeys, query.Slice(h * headSize, headSize), _noBias.AsSpan(0, cached), scores);
                DenseKernels.Softmax(scores, _scale);
                DenseKernels.AccumulateRows(scores, headValues, _attended.AsSpan(h * headSize, headSize));
            }

            DenseKernels.MultiplyAdd(block.Projection, _attended, block.ProjectionBias, _delta);
            DenseKernels.AddScaled(_delta, 1f, _x);

            DenseKernels.LayerNorm(_x, block.FeedForwardNormGain, block.FeedForwardNormBias, _normed);
            DenseKernels.MultiplyAdd(block.Up, _normed, block.UpBias, _hidden);
            DenseKernels.Silu(_hidden);
            DenseKernels.MultiplyAdd(block.Down, _hidden, block.DownBias, _delta);
            DenseKernels.AddScaled(_delta, 1f, _x);
        }

        _position++;
    }

    public void Predict(Span<float> logits)
    {
        if (logits.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits, got {logits.Length}.", nameof(logits));
        }

        if (_position == 0)
        {
            // No context yet: no preference (as the other predictors).
            logits.Clear();
            return;
        }

        DenseKernels.LayerNorm(_x, _weights.NormGain, _weights.NormBias, _normed);
        DenseKernels.MultiplyAdd(_weights.Head, _normed, _weights.HeadBias, logits);
    }

    public void Dispose()
    {
        // Nothing native: the weights and caches are managed arrays.
    }
}
