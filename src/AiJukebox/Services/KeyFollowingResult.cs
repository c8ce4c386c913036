using AiJukebox.Music.Evaluation;

namespace AiJukebox.Services;

/// <summary>The key-following test's outcome for one predictor.</summary>
/// <param name="PerKey">Per key (the 24 of <see cref="MusicalKey.All"/>): continuation notes, how many are in the key, and their share (null without notes).</param>
internal sealed record KeyFollowingResult(IReadOnlyList<KeyFollowingResult.KeyScore> PerKey)
{
    /// <summary>The mean share over the keys whose continuations had notes; null when none had.</summary>
    public double? Mean =>
        PerKey.Any(k => k.Share is not null) ? PerKey.Where(k => k.Share is not null).Average(k => k.Share!.Value) : null;

    /// <summary>One key's figures, the notes of all its melodies' continuations pooled.</summary>
    public sealed record KeyScore(MusicalKey Key, int Notes, int InKey)
    {
        /// <summary>InKey / Notes; null without notes.</summary>
        public double? Share => Notes == 0 ? null : (double)InKey / Notes;
    }
}
