using AiJukebox.Music.Sampling;

namespace AiJukebox.Music.Generation;

/// <summary>What to generate: how much, how to sample, and from which context.</summary>
/// <param name="Primer">Context tokens fed before generating (their notes are not part of the result).</param>
/// <param name="Sampling">Temperature, top-k, top-p, repetition penalty.</param>
/// <param name="Seed">Seed of the sampler's random source: same seed, model and settings → same tokens.</param>
/// <param name="MaxTokens">Stop after this many generated tokens (null: only <paramref name="MaxBeats"/> limits).</param>
/// <param name="MaxBeats">Stop once the generated music reaches this many beats (null: only <paramref name="MaxTokens"/> limits).</param>
public sealed record GenerationRequest(int[] Primer, SamplingOptions Sampling, ulong Seed, int? MaxTokens, double? MaxBeats)
{
    /// <summary>Checks that at least one limit is set and that both are positive.</summary>
    /// <exception cref="ArgumentException">No limit, or a limit below 1.</exception>
    public void Validate()
    {
        if (MaxTokens is null && MaxBeats is null)
        {
            throw new ArgumentException("Give a length in tokens or in beats.");
        }

        if (MaxTokens is < 1 || MaxBeats is <= 0)
        {
            throw new ArgumentException("The length must be positive.");
        }
    }
}
