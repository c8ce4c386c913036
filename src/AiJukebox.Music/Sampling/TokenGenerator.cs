namespace AiJukebox.Music.Sampling;

/// <summary>
/// Drives a predictor, a grammar and a sampler in step: context tokens (a primer, the
/// player's notes) go into all three; each generated token is predicted, sampled within the
/// grammar and fed back. Allocates nothing per token. Not thread-safe.
/// </summary>
public sealed class TokenGenerator
{
    private readonly ITokenPredictor _predictor;
    private readonly ITokenGrammar _grammar;
    private readonly TokenSampler _sampler;
    private readonly float[] _logits;

    /// <summary>Ties the three parts together; they must agree on the vocabulary size.</summary>
    /// <exception cref="ArgumentException">The predictor and the sampler have different vocabulary sizes.</exception>
    public TokenGenerator(ITokenPredictor predictor, ITokenGrammar grammar, TokenSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(grammar);
        ArgumentNullException.ThrowIfNull(sampler);
        if (predictor.VocabularySize != sampler.VocabularySize)
        {
            throw new ArgumentException($"The model predicts {predictor.VocabularySize} tokens but the sampler was made for {sampler.VocabularySize}; the model and the tokenizer do not match.", nameof(sampler));
        }

        _predictor = predictor;
        _grammar = grammar;
        _sampler = sampler;
        _logits = new float[predictor.VocabularySize];
    }

    /// <summary>The sampler (to change its options while generating).</summary>
    public TokenSampler Sampler => _sampler;

    /// <summary>Forgets all context: predictor, grammar state, recent tokens and random source.</summary>
    public void Reset()
    {
        _predictor.Reset();
        _grammar.Reset();
        _sampler.Reset();
    }

    /// <summary>Appends a token that was not generated (primer, player) to the context.</summary>
    public void Feed(int token)
    {
        _predictor.Feed(token);
        _grammar.Accept(token);
        _sampler.Remember(token);
    }

    /// <summary>Appends tokens to the context, in order.</summary>
    public void Feed(ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
        {
            Feed(token);
        }
    }

    /// <summary>Generates one token and appends it to the context.</summary>
    /// <exception cref="InvalidOperationException">The grammar allows no token.</exception>
    public int Next()
    {
        _predictor.Predict(_logits);
        var token = _sampler.Sample(_logits, _grammar);
        _predictor.Feed(token);
        _grammar.Accept(token);
        return token;
    }

    /// <summary>Fills <paramref name="destination"/> with generated tokens.</summary>
    public void Generate(Span<int> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Next();
        }
    }

    /// <summary>Feeds <paramref name="primer"/>, then generates <paramref name="count"/> tokens (the primer is not returned).</summary>
    public int[] Generate(int count, ReadOnlySpan<int> primer = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Feed(primer);
        var tokens = new int[count];
        Generate(tokens);
        return tokens;
    }
}
