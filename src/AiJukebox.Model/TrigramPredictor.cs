using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>The trigram baseline as a predictor: its context is the last two tokens fed.</summary>
internal sealed class TrigramPredictor(TrigramBaseline trigram, int vocabularySize, double trigramWeight, double bigramWeight, double unigramWeight) : ITokenPredictor
{
    private int _previous2 = -1;
    private int _previous1 = -1;

    public int VocabularySize { get; } = vocabularySize;

    public void Reset() => (_previous2, _previous1) = (-1, -1);

    public void Feed(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id must be below {VocabularySize}.");
        }

        (_previous2, _previous1) = (_previous1, token);
    }

    public void Predict(Span<float> logits)
    {
        if (logits.Length != VocabularySize)
        {
            throw new ArgumentException($"Expected {VocabularySize} logits, got {logits.Length}.", nameof(logits));
        }

        trigram.FillLogProbabilities(_previous2, _previous1, trigramWeight, bigramWeight, unigramWeight, logits);
    }

    public void Dispose()
    {
    }
}
