namespace AiJukebox.Music.Generation;

/// <summary>
/// A tokenizer's grammar with the stream-control tokens (PAD, BOS, EOS) masked: a generated
/// continuation never ends or restarts on its own, so its length is the caller's choice.
/// </summary>
public sealed class StreamGrammar : ITokenGrammar
{
    private readonly ITokenGrammar _inner;
    private readonly int[] _controlTokens;

    /// <summary>Wraps <paramref name="inner"/>, masking the control tokens of <paramref name="vocabulary"/>.</summary>
    public StreamGrammar(ITokenGrammar inner, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(vocabulary);
        _inner = inner;
        _controlTokens = ControlTokens.Ids(vocabulary);
    }

    /// <inheritdoc />
    public void Reset() => _inner.Reset();

    /// <inheritdoc />
    public void Accept(int token) => _inner.Accept(token);

    /// <inheritdoc />
    public void FillAllowed(Span<bool> allowed)
    {
        _inner.FillAllowed(allowed);
        foreach (var id in _controlTokens)
        {
            allowed[id] = false;
        }
    }
}
