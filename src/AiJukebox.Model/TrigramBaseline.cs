namespace AiJukebox.Model;

/// <summary>
/// An interpolated trigram model: the yardstick a network must beat. Unigrams are add-one
/// smoothed; a trigram or bigram whose context was never seen drops out and the remaining
/// weights are renormalized, so every mixture is a proper distribution. The weights are
/// chosen on the validation targets themselves (a grid search), which flatters the baseline.
/// </summary>
internal sealed class TrigramBaseline
{
    private readonly int _vocabulary;
    private readonly long[] _unigram;
    private readonly long _total;
    private readonly Dictionary<long, long> _bigram = [];
    private readonly Dictionary<long, long> _bigramContext = [];
    private readonly Dictionary<long, long> _trigram = [];
    private readonly Dictionary<long, long> _trigramContext = [];

    public TrigramBaseline(IEnumerable<int[]> trainPieces, int vocabulary)
    {
        _vocabulary = vocabulary;
        _unigram = new long[vocabulary];
        foreach (var piece in trainPieces)
        {
            for (var i = 0; i < piece.Length; i++)
            {
                _unigram[piece[i]]++;
                _total++;
                if (i >= 1)
                {
                    Increment(_bigram, Key(piece[i - 1], piece[i]));
                    Increment(_bigramContext, piece[i - 1]);
                }

                if (i >= 2)
                {
                    Increment(_trigram, Key(Key(piece[i - 2], piece[i - 1]), piece[i]));
                    Increment(_trigramContext, Key(piece[i - 2], piece[i - 1]));
                }
            }
        }
    }

    public double TrigramWeight { get; private set; }

    public double BigramWeight { get; private set; }

    public double UnigramWeight { get; private set; }

    /// <summary>
    /// Perplexity on the positions <paramref name="firstTarget"/>.. of each window, with context
    /// from inside the window only (what the network sees), after choosing the best weights.
    /// </summary>
    public double Evaluate(WindowSet windows, int firstTarget)
    {
        var components = new List<(double P1, double P2, double P3)>();
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows.Window(w);
            for (var i = firstTarget; i < window.Length; i++)
            {
                var token = window[i];
                var p1 = (_unigram[token] + 1.0) / (_total + _vocabulary);
                var p2 = Probability(_bigram, _bigramContext, window[i - 1], Key(window[i - 1], token));
                var p3 = i >= 2 ? Probability(_trigram, _trigramContext, Key(window[i - 2], window[i - 1]), Key(Key(window[i - 2], window[i - 1]), token)) : double.NaN;
                components.Add((p1, p2, p3));
            }
        }

        var best = double.PositiveInfinity;
        for (var l3 = 0; l3 <= 18; l3++)
        {
            for (var l2 = 0; l3 + l2 <= 19; l2++)
            {
                double w3 = l3 * 0.05, w2 = l2 * 0.05, w1 = 1 - w3 - w2;
                var logSum = 0.0;
                foreach (var (p1, p2, p3) in components)
                {
                    double mass = w1 * p1, weight = w1;
                    if (!double.IsNaN(p2))
                    {
                        mass += w2 * p2;
                        weight += w2;
                    }

                    if (!double.IsNaN(p3))
                    {
                        mass += w3 * p3;
                        weight += w3;
                    }

                    logSum -= Math.Log(mass / weight);
                }

                var perplexity = Math.Exp(logSum / Math.Max(1, components.Count));
                if (perplexity < best)
                {
                    best = perplexity;
                    (TrigramWeight, BigramWeight, UnigramWeight) = (w3, w2, w1);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Writes log P(token | previous2, previous1) for every token, mixed with the given weights
    /// exactly as <see cref="Evaluate"/> mixes them (an absent or unseen context drops out);
    /// -1 marks a missing previous token, as at the start of a window.
    /// </summary>
    public void FillLogProbabilities(int previous2, int previous1, double trigramWeight, double bigramWeight, double unigramWeight, Span<float> logits)
    {
        var hasBigram = previous1 >= 0 && _bigramContext.TryGetValue(previous1, out _);
        var trigramContext = previous2 >= 0 && previous1 >= 0 ? Key(previous2, previous1) : -1;
        var hasTrigram = trigramContext >= 0 && _trigramContext.TryGetValue(trigramContext, out _);
        for (var token = 0; token < _vocabulary; token++)
        {
            double mass = unigramWeight * (_unigram[token] + 1.0) / (_total + _vocabulary), weight = unigramWeight;
            if (hasBigram)
            {
                mass += bigramWeight * Probability(_bigram, _bigramContext, previous1, Key(previous1, token));
                weight += bigramWeight;
            }

            if (hasTrigram)
            {
                mass += trigramWeight * Probability(_trigram, _trigramContext, trigramContext, Key(trigramContext, token));
                weight += trigramWeight;
            }

            logits[token] = (float)Math.Log(mass / weight);
        }
    }

    private long Key(long context, int token) => context * _vocabulary + token;

    private static double Probability(Dictionary<long, long> counts, Dictionary<long, long> contexts, long context, long key)
    {
        // NaN marks an unseen context: that order drops out of the mixture.
        if (!contexts.TryGetValue(context, out var total))
        {
            return double.NaN;
        }

        return counts.TryGetValue(key, out var count) ? (double)count / total : 0.0;
    }

    private static void Increment(Dictionary<long, long> counts, long key)
    {
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
