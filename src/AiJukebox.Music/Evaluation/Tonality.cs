namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The one place for key profiles and scales: the Krumhansl–Kessler probe-tone profiles
/// (Krumhansl and Kessler 1982; Krumhansl 1990, table 2.1) and the scales the key-following
/// test counts as "in the key".
/// </summary>
public static class Tonality
{
    /// <summary>Krumhansl–Kessler major profile, from the tonic up by semitones.</summary>
    public static IReadOnlyList<double> MajorProfile { get; } = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];

    /// <summary>Krumhansl–Kessler minor profile, from the tonic up by semitones.</summary>
    public static IReadOnlyList<double> MinorProfile { get; } = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    // Semitones above the tonic. Minor is natural ∪ harmonic: the raised 7th is as much
    // "in the key" as the lowered one in common-practice minor.
    private static readonly bool[] Major = Mask(0, 2, 4, 5, 7, 9, 11);
    private static readonly bool[] Minor = Mask(0, 2, 3, 5, 7, 8, 10, 11);

    /// <summary>Whether <paramref name="semitonesAboveTonic"/> (any integer, taken mod 12) is in the mode's scale.</summary>
    public static bool ScaleContains(KeyMode mode, int semitonesAboveTonic)
    {
        var degree = ((semitonesAboveTonic % 12) + 12) % 12;
        return mode == KeyMode.Major ? Major[degree] : Minor[degree];
    }

    /// <summary>The pitch-class histogram of a piece, each note weighted by its duration in beats.</summary>
    public static double[] DurationWeightedPitchClasses(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var histogram = new double[12];
        foreach (var note in notes)
        {
            histogram[((note.Pitch % 12) + 12) % 12] += Math.Max(0, note.Duration);
        }

        return histogram;
    }

    /// <summary>
    /// The key whose rotated profile correlates best (Pearson) with a pitch-class histogram,
    /// and that correlation; null when the histogram is flat (all equal, e.g. empty), where no
    /// correlation is defined.
    /// </summary>
    /// <exception cref="ArgumentException">The histogram does not have 12 bins.</exception>
    public static (MusicalKey Key, double Correlation)? BestKey(ReadOnlySpan<double> pitchClasses)
    {
        if (pitchClasses.Length != 12)
        {
            throw new ArgumentException($"A pitch-class histogram has 12 bins, not {pitchClasses.Length}.", nameof(pitchClasses));
        }

        (MusicalKey Key, double Correlation)? best = null;
        for (var i = 0; i < MusicalKey.All.Count; i++)
        {
            var key = MusicalKey.All[i];
            var r = Correlation(pitchClasses, key);
            if (r is { } value && (best is null || value > best.Value.Correlation))
            {
                best = (key, value);
            }
        }

        return best;
    }

    /// <summary>
    /// The Pearson correlation of a pitch-class histogram with <paramref name="key"/>'s rotated
    /// profile; null when the histogram is flat. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The histogram does not have 12 bins.</exception>
    public static double? Correlation(ReadOnlySpan<double> pitchClasses, MusicalKey key)
    {
        if (pitchClasses.Length != 12)
        {
            throw new ArgumentException($"A pitch-class histogram has 12 bins, not {pitchClasses.Length}.", nameof(pitchClasses));
        }

        var profile = key.Mode == KeyMode.Major ? MajorProfile : MinorProfile;
        Span<double> rotated = stackalloc double[12];
        for (var pc = 0; pc < 12; pc++)
        {
            rotated[pc] = profile[(pc - key.Tonic + 12) % 12];
        }

        return Pearson(pitchClasses, rotated);
    }

    /// <summary>The key a piece correlates best with (<see cref="BestKey"/> of its duration-weighted histogram).</summary>
    public static (MusicalKey Key, double Correlation)? EstimateKey(IReadOnlyList<Note> notes) => BestKey(DurationWeightedPitchClasses(notes));

    private static double? Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Length;
        meanY /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return sxx <= 0 || syy <= 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static bool[] Mask(params int[] degrees)
    {
        var mask = new bool[12];
        foreach (var degree in degrees)
        {
            mask[degree] = true;
        }

        return mask;
    }
}
