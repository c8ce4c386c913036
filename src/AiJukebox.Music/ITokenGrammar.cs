namespace AiJukebox.Music;

/// <summary>
/// Which tokens may come next after a prefix, as a state machine: a sampler masks the
/// tokens that are not allowed, so every generated stream decodes to well-formed notes.
/// </summary>
public interface ITokenGrammar
{
    /// <summary>Back to the state of an empty prefix.</summary>
    void Reset();

    /// <summary>Advances the state past <paramref name="token"/> (which should have been allowed).</summary>
    void Accept(int token);

    /// <summary>Sets <c>allowed[id]</c> for every token id: true when it may come next.</summary>
    void FillAllowed(Span<bool> allowed);
}
