namespace AiJukebox.Music;

/// <summary>Every chords symbol may follow any other: each one decodes to whole notes on its own.</summary>
internal sealed class ChordsTokenGrammar(int vocabularySize) : ITokenGrammar
{
    public void Reset()
    {
    }

    public void Accept(int token)
    {
        if ((uint)token >= (uint)vocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the chords vocabulary of {vocabularySize}.");
        }
    }

    public void FillAllowed(Span<bool> allowed)
    {
        if (allowed.Length < vocabularySize)
        {
            throw new ArgumentException($"The span has {allowed.Length} entries; the vocabulary has {vocabularySize}.", nameof(allowed));
        }

        allowed.Clear();
        allowed[..vocabularySize].Fill(true);
    }
}
