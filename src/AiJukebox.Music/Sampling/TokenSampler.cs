namespace AiJukebox.Music.Sampling;

/// <summary>
/// Picks the next token from a model's logits: grammar mask, repetition penalty, temperature,
/// top-k and top-p, then a draw from a seeded random source. The same seed, logits and
/// options give the same tokens. All buffers are allocated in the constructor, so sampling
/// allocates nothing (live play calls it once per token). One thread samples; another may
/// replace <see cref="Options"/> at any time.
/// </summary>
public sealed class TokenSampler
{
    /// <summary>Temperatures below this pick the most likely token (dividing by them would overflow).</summary>
    public const double GreedyTemperature = 1e-6;

    private readonly bool[] _allowed;
    private readonly bool[] _penalized;
    private readonly float[] _scores;
    private readonly int[] _candidates;
    private readonly double[] _keys;
    private readonly int[] _recent;
    private readonly ulong _seed;
    private int _recentCount;
    private int _recentNext;
    private SplitMix64 _random;
    private volatile SamplingOptions _options;

    /// <summary>Creates a sampler for logits of <paramref name="vocabularySize"/> tokens.</summary>
    /// <param name="vocabularySize">Length of every logits vector.</param>
    /// <param name="options">Initial options.</param>
    /// <param name="seed">Seed of the random source.</param>
    /// <param name="historyCapacity">Most recent tokens kept for the repetition penalty (the largest usable window).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public TokenSampler(int vocabularySize, SamplingOptions options, ulong seed, int historyCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historyCapacity);
        ArgumentNullException.ThrowIfNull(options);
        VocabularySize = vocabularySize;
        _allowed = new bool[vocabularySize];
        _penalized = new bool[vocabularySize];
        _scores = new float[vocabularySize];
        _candidates = new int[vocabularySize];
        _keys = new double[vocabularySize];
        _recent = new int[historyCapacity];
        _seed = seed;
        _random = new SplitMix64(seed);
        _options = options;
    }

    /// <summary>Length of the logits vectors this sampler takes.</summary>
    public int VocabularySize { get; }

    /// <summary>The options used by the next draw; may be replaced from any thread.</summary>
    public SamplingOptions Options
    {
        get => _options;
        set => _options = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Forgets the recent tokens and restarts the random source from the seed.</summary>
    public void Reset()
    {
        _recentCount = 0;
        _recentNext = 0;
        _random = new SplitMix64(_seed);
    }

    /// <summary>Adds a token that was not sampled here (a primer, the player's notes) to the recent tokens.</summary>
    public void Remember(int token)
    {
        _recent[_recentNext] = token;
        _recentNext = (_recentNext + 1) % _recent.Length;
        if (_recentCount < _recent.Length)
        {
            _recentCount++;
        }
    }

    /// <summary>Samples a token that <paramref name="grammar"/> allows next (the grammar's state is not advanced).</summary>
    /// <exception cref="InvalidOperationException">The grammar allows no token.</exception>
    public int Sample(ReadOnlySpan<float> logits, ITokenGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        grammar.FillAllowed(_allowed);
        return Sample(logits, _allowed);
    }

    /// <summary>Samples a token among all tokens.</summary>
    public int Sample(ReadOnlySpan<float> logits)
    {
        Array.Fill(_allowed, true);
        return Sample(logits, _allowed);
    }

    /// <summary>Samples a token <c>t</c> with <c>allowed[t]</c> true, and remembers it.</summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="VocabularySize"/>.</exception>
    /// <exception cref="InvalidOperationException">No token is allowed.</exception>
    public int Sample(ReadOnlySpan<float> logits, ReadOnlySpan<bool> allowed)
    {
        if (logits.Length != VocabularySize || allowed.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits and mask entries, got {logits.Length} and {allowed.Length}.");
        }

        var options = _options;
        var count = GatherCandidates(logits, allowed);
        if (count == 0)
        {
            throw new InvalidOperationException("The token grammar allows no token here; the grammar or the token stream fed to it is inconsistent.");
        }

        ApplyRepetitionPenalty(options);
        var token = options.Temperature < GreedyTemperature || options.TopK == 1
            ? Argmax(count)
            : Draw(count, options);
        Remember(token);
        return token;
    }

    private int GatherCandidates(ReadOnlySpan<float> logits, ReadOnlySpan<bool> allowed)
    {
        var count = 0;
        var anyFinite = false;
        for (var id = 0; id < logits.Length; id++)
        {
            if (!allowed[id])
            {
                continue;
            }

            // NaN from a broken model must not win or poison the sums: treat it as "never".
            // +inf is clamped so the softmax shift below stays finite.
            var score = float.IsNaN(logits[id]) ? float.NegativeInfinity : Math.Min(logits[id], float.MaxValue);
            anyFinite |= score > float.NegativeInfinity;
            _scores[id] = score;
            _candidates[count++] = id;
        }

        if (!anyFinite)
        {
            // The model rules out every token the grammar allows; the grammar wins, uniformly.
            for (var i = 0; i < count; i++)
            {
                _scores[_candidates[i]] = 0;
            }
        }

        return count;
    }

    private void ApplyRepetitionPenalty(SamplingOptions options)
    {
        var penalty = (float)options.RepetitionPenalty;
        var window = Math.Min(options.RepetitionWindow, _recentCount);
        if (penalty == 1f || window == 0)
        {
            return;
        }

        // Penalize each distinct recent token once, however often it occurred.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 1; i <= window; i++)
            {
                var token = _recent[(_recentNext - i + _recent.Length) % _recent.Length];
                if ((uint)token >= (uint)VocabularySize)
                {
                    continue;
                }

                if (pass == 1)
                {
                    _penalized[token] = false;
                }
                else if (!_penalized[token])
                {
                    _penalized[token] = true;
                    var score = _scores[token];
                    _scores[token] = score > 0 ? score / penalty : score * penalty;
                }
            }
        }
    }

    private int Argmax(int count)
    {
        var best = _candidates[0];
        for (var i = 1; i < count; i++)
        {
            var id = _candidates[i];
            if (_scores[id] > _scores[best])
            {
                best = id;
            }
        }

        return best;
    }

    private int Draw(int count, SamplingOptions options)
    {
        var candidates = _candidates.AsSpan(0, count);
        var keys = _keys.AsSpan(0, count);
        var inverseTemperature = 1.0 / options.Temperature;
        for (var i = 0; i < count; i++)
        {
            // Negated so that an ascending sort puts the most likely token first.
            keys[i] = -(_scores[candidates[i]] * inverseTemperature);
        }

        var truncate = (options.TopK > 0 && options.TopK < count) || options.TopP < 1;
        if (truncate)
        {
            keys.Sort(candidates);
            if (options.TopK > 0 && options.TopK < count)
            {
                count = options.TopK;
                candidates = candidates[..count];
                keys = keys[..count];
            }
        }

        var best = double.PositiveInfinity;
        foreach (var key in keys)
        {
            best = Math.Min(best, key);
        }

        // Keys become unnormalized probabilities, shifted by the best so exp never overflows.
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var weight = double.IsNegativeInfinity(-keys[i]) ? 0 : Math.Exp(best - keys[i]);
            keys[i] = weight;
            total += weight;
        }

        if (options.TopP < 1)
        {
            var threshold = options.TopP * total;
            var cumulative = 0.0;
            var kept = 0;
            while (kept < count && (kept == 0 || cumulative < threshold))
            {
                cumulative += keys[kept++];
            }

            count = kept;
            total = cumulative;
        }

        var target = _random.NextDouble() * total;
        for (var i = 0; i < count - 1; i++)
        {
            target -= keys[i];
            if (target < 0)
            {
                return candidates[i];
            }
        }

        // Only zero-weight tokens can follow the last positive one; never pick those.
        for (var i = count - 1; i > 0; i--)
        {
            if (keys[i] > 0)
            {
                return candidates[i];
            }
        }

        return candidates[0];
    }
}
