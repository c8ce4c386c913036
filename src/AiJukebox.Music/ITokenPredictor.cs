namespace AiJukebox.Music;

/// <summary>
/// A next-token model seen from the sampler and the live performer: feed tokens one at a
/// time, ask for the logits of the next one. Implemented by the networks in AiJukebox.Model;
/// fakes implement it in tests, so nothing that samples needs torch.
/// </summary>
public interface ITokenPredictor : IDisposable
{
    /// <summary>Size of the logits vector (= the vocabulary size).</summary>
    int VocabularySize { get; }

    /// <summary>Forgets all context.</summary>
    void Reset();

    /// <summary>Appends one token to the context.</summary>
    void Feed(int token);

    /// <summary>Writes the unnormalized scores of the next token after the context.</summary>
    /// <param name="logits">Length <see cref="VocabularySize"/>.</param>
    void Predict(Span<float> logits);
}
