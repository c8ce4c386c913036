using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// The interpolated trigram the trainer measures a network against, fitted on a model's
/// training pieces: scored on the validation windows as the trainer scores it, and usable as a
/// predictor, so its samples can be compared with the network's.
/// </summary>
public sealed class NGramBaseline
{
    private readonly TrigramBaseline _trigram;

    private NGramBaseline(TrigramBaseline trigram, int vocabularySize)
    {
        _trigram = trigram;
        VocabularySize = vocabularySize;
    }

    /// <summary>The vocabulary size it predicts over.</summary>
    public int VocabularySize { get; }

    /// <summary>Counts the unigrams, bigrams and trigrams of <paramref name="trainPieces"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vocabulary size is not positive.</exception>
    public static NGramBaseline Fit(IEnumerable<int[]> trainPieces, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(trainPieces);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        return new NGramBaseline(new TrigramBaseline(trainPieces, vocabularySize), vocabularySize);
    }

    /// <summary>
    /// Perplexity on <paramref name="validationPieces"/> on exactly the tokens
    /// <paramref name="model"/>'s network predicts in its validation windows (context from inside
    /// each window), with the weights grid-searched on them, as training does: on the model's
    /// validation split it reproduces the model card's baseline.
    /// </summary>
    /// <exception cref="ArgumentException">No piece is a whole window long.</exception>
    public BaselineSummary Score(IEnumerable<int[]> validationPieces, TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(validationPieces);
        ArgumentNullException.ThrowIfNull(model);
        var windows = new WindowSet(validationPieces, model.Network.Window + 1, model.Network.Window);
        if (windows.Count == 0)
        {
            throw new ArgumentException($"No validation piece is at least {model.Network.Window + 1} tokens long.", nameof(validationPieces));
        }

        var perplexity = _trigram.Evaluate(windows, model.FirstTargetPosition);
        return new BaselineSummary("interpolated trigram", perplexity, _trigram.TrigramWeight, _trigram.BigramWeight, _trigram.UnigramWeight);
    }

    /// <summary>A predictor that samples from the trigram mixture with the weights of <paramref name="weights"/> (e.g. from <see cref="Score"/> or a model card).</summary>
    /// <exception cref="ArgumentException">The weights are negative or all zero.</exception>
    public ITokenPredictor CreatePredictor(BaselineSummary weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.TrigramWeight < 0 || weights.BigramWeight < 0 || weights.UnigramWeight <= 0)
        {
            throw new ArgumentException("The baseline's weights must be non-negative, with a positive unigram weight (it is the only order that always has a context).", nameof(weights));
        }

        return new TrigramPredictor(_trigram, VocabularySize, weights.TrigramWeight, weights.BigramWeight, weights.UnigramWeight);
    }
}
