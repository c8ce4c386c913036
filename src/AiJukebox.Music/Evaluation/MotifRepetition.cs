namespace AiJukebox.Music.Evaluation;

/// <summary>
/// How much a piece repeats its own motifs, the structure Music Transformer (Huang et al. 2018)
/// was built to capture and that a small recurrent model tends to lose: the top line's
/// intervals between consecutive onsets, cut into every window of <see cref="DefaultWindow"/>
/// consecutive intervals; the share of windows that repeat an earlier window of the same piece,
/// (windows − distinct windows) / windows. Intervals, not pitches, so a transposed
/// repetition (a sequence) counts too.
/// </summary>
public static class MotifRepetition
{
    /// <summary>Intervals per window (seven onsets: a short motif).</summary>
    public const int DefaultWindow = 6;

    /// <summary>The share of repeated windows, 0–1; null when the top line has fewer than window + 1 onsets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is not 1–8 intervals.</exception>
    public static double? Of(IReadOnlyList<Note> notes, int window = DefaultWindow)
    {
        // Eight signed intervals of a byte each pack exactly into a 64-bit key.
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, 8);
        var intervals = TopLine.Intervals(notes);
        var windows = intervals.Length - window + 1;
        if (windows <= 0)
        {
            return null;
        }

        var distinct = new HashSet<ulong>();
        for (var start = 0; start < windows; start++)
        {
            ulong key = 0;
            for (var i = 0; i < window; i++)
            {
                // MIDI intervals are within ±127, so each fits a byte after the offset.
                key = (key << 8) | (byte)(Math.Clamp(intervals[start + i], -127, 127) + 128);
            }

            distinct.Add(key);
        }

        return (double)(windows - distinct.Count) / windows;
    }
}
