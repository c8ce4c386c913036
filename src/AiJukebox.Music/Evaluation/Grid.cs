namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The onset grid every statistic shares: 1/12 beat, the events tokenizer's step (16ths and
/// triplets fall on it), so "the same onset" means the same thing for every tokenizer.
/// </summary>
internal static class Grid
{
    /// <summary>Grid steps per beat.</summary>
    public const int StepsPerBeat = 12;

    /// <summary>The nearest grid step of a time in beats.</summary>
    public static long Step(double beats) => (long)Math.Round(beats * StepsPerBeat, MidpointRounding.AwayFromZero);

    /// <summary>The distinct onset steps of a piece, ascending.</summary>
    public static long[] Onsets(IReadOnlyList<Note> notes)
    {
        var steps = new SortedSet<long>();
        foreach (var note in notes)
        {
            steps.Add(Step(note.Start));
        }

        return [.. steps];
    }
}
