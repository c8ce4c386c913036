using AiJukebox.Model;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Services;

/// <summary>What <c>aijukebox evaluate</c> measures and how it samples.</summary>
/// <param name="Takes">Takes per sampled set; take <c>i</c> uses seed <paramref name="Seed"/> + i.</param>
/// <param name="Tokens">Tokens per take.</param>
/// <param name="Seed">First seed (takes), and the base of the key test's seeds.</param>
/// <param name="PrimerLength">Tokens of the validation window each take continues.</param>
/// <param name="Sampling">Temperature, top-k, top-p, repetition penalty.</param>
/// <param name="Engine">What runs the network's steps.</param>
/// <param name="Baseline">Also sample the trigram baseline the same way.</param>
/// <param name="KeyBeats">Beats each key-test continuation runs (after the melody).</param>
internal sealed record EvaluationRequest(int Takes, int Tokens, ulong Seed, int PrimerLength, SamplingOptions Sampling, InferenceEngine Engine, bool Baseline, double KeyBeats)
{
    /// <summary>Seeds of the key test start here above <see cref="Seed"/>, clear of the takes' seeds.</summary>
    public const ulong KeySeedOffset = 1000;
}
