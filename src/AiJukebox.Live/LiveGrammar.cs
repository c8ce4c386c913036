using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>
/// The tokenizer's grammar with the stream-control tokens (PAD, BOS, EOS) masked: a live
/// stream never ends and never restarts on its own.
/// </summary>
internal sealed class LiveGrammar : ITokenGrammar
{
    private readonly ITokenGrammar _inner;
    private readonly int[] _banned;

    public LiveGrammar(ITokenGrammar inner, Vocabulary vocabulary)
    {
        _inner = inner;
        _banned = SpecialTokens.Ids(vocabulary);
    }

    public void Reset() => _inner.Reset();

    public void Accept(int token) => _inner.Accept(token);

    public void FillAllowed(Span<bool> allowed)
    {
        _inner.FillAllowed(allowed);
        foreach (var id in _banned)
        {
            allowed[id] = false;
        }
    }
}
