namespace AiJukebox.Music.Generation;

/// <summary>A generated continuation.</summary>
/// <param name="Tokens">The generated tokens (the primer excluded).</param>
/// <param name="Notes">Their notes, in beats from the end of the primer, sorted by onset then pitch.</param>
/// <param name="LengthBeats">Where the generated stream ends, in beats (at least the end of the last note).</param>
/// <param name="StepTicks">Per generated token, the <see cref="System.Diagnostics.Stopwatch"/> ticks spent predicting, sampling and feeding it.</param>
public sealed record GenerationResult(int[] Tokens, IReadOnlyList<Note> Notes, double LengthBeats, long[] StepTicks);
