using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live;

/// <summary>
/// One model's share of a performance: its tokenizer, its predictor and what composes with them
/// (sampler, grammar, decoder). Built on the caller's thread, so a model switched while playing
/// costs the generator thread nothing but the swap and the re-priming.
/// </summary>
internal sealed class ModelParts
{
    /// <exception cref="ArgumentException">The model and the tokenizer disagree.</exception>
    public ModelParts(ITokenizer tokenizer, ITokenPredictor predictor, SamplingOptions sampling, ulong seed)
    {
        if (predictor.VocabularySize != tokenizer.Vocabulary.Count)
        {
            throw new ArgumentException($"The model predicts {predictor.VocabularySize} tokens but the tokenizer has {tokenizer.Vocabulary.Count}; use the notes file the model was trained on.");
        }

        Tokenizer = tokenizer;
        Predictor = predictor;
        Sampler = new TokenSampler(predictor.VocabularySize, sampling with { Key = null }, seed, pitches: TokenPitches.Of(tokenizer.Vocabulary));
        Tokens = new TokenGenerator(predictor, new StreamGrammar(tokenizer.CreateGrammar(), tokenizer.Vocabulary), Sampler);
        Decoder = tokenizer.CreateDecoder();
    }

    public ITokenizer Tokenizer { get; }

    public ITokenPredictor Predictor { get; }

    public TokenSampler Sampler { get; }

    public TokenGenerator Tokens { get; }

    public ITokenDecoder Decoder { get; }

    /// <summary>
    /// Completes with the predictor the performance stops using when these parts take over (or
    /// with this one, when it never played: superseded by a later switch, or the performance ended first).
    /// </summary>
    public TaskCompletionSource<ITokenPredictor> Retired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
