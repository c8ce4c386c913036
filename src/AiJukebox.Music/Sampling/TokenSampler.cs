namespace AiJukebox.Music.Sampling;

/// <summary>
/// Picks the next token from a model's logits: grammar mask, repetition penalty, key
/// (<see cref="SamplingOptions.Key"/>), temperature, top-k and top-p, then a draw from a seeded random source. The same seed, logits and
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
    private readonly TokenPitches? _pitches;
    private int _recentCount;
    private int _lastPitch = -1;
    private int _resolution = -1;
    private int _sincePassing;
    private int _recentNext;
    private SplitMix64 _random;
    private volatile SamplingOptions _options;

    /// <summary>Creates a sampler for logits of <paramref name="vocabularySize"/> tokens.</summary>
    /// <param name="vocabularySize">Length of every logits vector.</param>
    /// <param name="options">Initial options.</param>
    /// <param name="seed">Seed of the random source.</param>
    /// <param name="historyCapacity">Most recent tokens kept for the repetition penalty (the largest usable window).</param>
    /// <param name="pitches">What each token sounds, for <see cref="SamplingOptions.Key"/>; null: the key is ignored.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="pitches"/> is for another vocabulary size.</exception>
    public TokenSampler(int vocabularySize, SamplingOptions options, ulong seed, int historyCapacity = 256, TokenPitches? pitches = null)
    {
        if (pitches is not null && pitches.Count != vocabularySize)
        {
            throw new ArgumentException($"The token pitches are for {pitches.Count} tokens, not {vocabularySize}.", nameof(pitches));
        }

        _pitches = pitches;
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

    /// <summary>True while the last pitch was a chromatic passing tone that the next pitch must resolve.</summary>
    public bool ResolutionPending => _resolution >= 0;

    /// <summary>Forgets the recent tokens (and pitches) and restarts the random source from the seed.</summary>
    public void Reset()
    {
        _recentCount = 0;
        _recentNext = 0;
        _random = new SplitMix64(_seed);
        _lastPitch = -1;
        _resolution = -1;
        _sincePassing = 0;
    }

    /// <summary>Adds a token that was not sampled here (a primer, the player's notes) to the recent tokens.</summary>
    public void Remember(int token)
    {
        RememberToken(token);
        RememberPitch(token, sampled: false);
    }

    private void RememberToken(int token)
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
        count = ApplyKey(count, options);
        var token = options.Temperature < GreedyTemperature || options.TopK == 1
            ? Argmax(count)
            : Draw(count, options);
        RememberToken(token);
        RememberPitch(token, sampled: true);
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

    // Only sampled pitches count towards the spacing: a passing tone is the jukebox's, after
    // that many of its own notes (from a reset: none in its first spacing notes).
    private void RememberPitch(int token, bool sampled)
    {
        if (_pitches is null || _pitches.PitchClassesOf(token) == 0)
        {
            return;
        }

        var pitch = _pitches.PitchOf(token);
        if (pitch < 0)
        {
            // A chord: no single line to pass through.
            _lastPitch = -1;
            _resolution = -1;
            return;
        }

        var options = _options;
        if (sampled && options.Key is { } key && IsPassingTone(pitch, key.ScaleMask, options.PassingToneSpacing))
        {
            _resolution = pitch + pitch - _lastPitch;
            _sincePassing = 0;
        }
        else
        {
            _resolution = -1;
            if (sampled)
            {
                _sincePassing = Math.Min(_sincePassing + 1, int.MaxValue / 2);
            }
        }

        _lastPitch = pitch;
    }

    private static bool InScale(int scale, int pitch) => (scale & (1 << (pitch % 12))) != 0;

    /// <summary>An out-of-key pitch a semitone on from an in-key one, with an in-key pitch a semitone further, far enough from the last passing tone.</summary>
    private bool IsPassingTone(int pitch, int scale, int spacing) =>
        spacing > 0
        && _resolution < 0
        && _lastPitch >= 0
        && _sincePassing >= spacing
        && Math.Abs(pitch - _lastPitch) == 1
        && !InScale(scale, pitch)
        && InScale(scale, _lastPitch)
        && pitch + pitch - _lastPitch is >= 0 and <= 127
        && InScale(scale, pitch + pitch - _lastPitch);

    private bool OutsideKey(int token, int scale, int spacing, bool resolve)
    {
        var classes = _pitches!.PitchClassesOf(token);
        if (classes == 0)
        {
            return false;
        }

        var pitch = _pitches.PitchOf(token);
        if (resolve && _resolution >= 0 && pitch >= 0)
        {
            return pitch != _resolution;
        }

        return (classes & ~scale) != 0 && !(pitch >= 0 && IsPassingTone(pitch, scale, spacing));
    }

    private int ApplyKey(int count, SamplingOptions options)
    {
        if (_pitches is null || options.Key is not { } key || options.KeyStrength <= 0)
        {
            return count;
        }

        var scale = key.ScaleMask;
        var spacing = options.PassingToneSpacing;
        // With a passing tone to resolve, the resolution is the one pitch in the key; if the
        // grammar does not allow it here, the key alone decides.
        var resolve = _resolution >= 0 && Survivors(count, scale, spacing, resolve: true) > 0;
        if (options.KeyStrength < 1)
        {
            var offset = (float)Math.Log(1 - options.KeyStrength);
            for (var i = 0; i < count; i++)
            {
                var id = _candidates[i];
                if (OutsideKey(id, scale, spacing, resolve))
                {
                    _scores[id] += offset;
                }
            }

            return count;
        }

        if (Survivors(count, scale, spacing, resolve) == 0)
        {
            // The grammar allows only out-of-key tokens here: the grammar wins.
            return count;
        }

        var kept = 0;
        var anyFinite = false;
        for (var i = 0; i < count; i++)
        {
            var id = _candidates[i];
            if (!OutsideKey(id, scale, spacing, resolve))
            {
                _candidates[kept++] = id;
                anyFinite |= _scores[id] > float.NegativeInfinity;
            }
        }

        if (!anyFinite)
        {
            // The model rules out every token the key leaves: the key wins, uniformly.
            for (var i = 0; i < kept; i++)
            {
                _scores[_candidates[i]] = 0;
            }
        }

        return kept;
    }

    private int Survivors(int count, int scale, int spacing, bool resolve)
    {
        var survivors = 0;
        for (var i = 0; i < count; i++)
        {
            if (!OutsideKey(_candidates[i], scale, spacing, resolve))
            {
                survivors++;
            }
        }

        return survivors;
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
