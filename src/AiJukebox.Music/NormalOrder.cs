namespace AiJukebox.Music;

/// <summary>The normal order of a pitch-class set (Forte): the most compact rotation, as music21's <c>normalOrder</c>.</summary>
public static class NormalOrder
{
    /// <summary>
    /// The pitch classes (duplicates ignored) in the rotation with the smallest span; ties go to the
    /// rotation packed tightest towards its first element, then to the lowest first pitch class.
    /// </summary>
    public static IReadOnlyList<int> Of(IEnumerable<int> pitchClasses)
    {
        var set = pitchClasses.Select(p => ((p % 12) + 12) % 12).Distinct().Order().ToArray();
        if (set.Length <= 1)
        {
            return set;
        }

        var best = 0;
        for (var start = 1; start < set.Length; start++)
        {
            if (Compare(set, start, best) < 0)
            {
                best = start;
            }
        }

        return Enumerable.Range(0, set.Length).Select(i => set[(best + i) % set.Length]).ToArray();
    }

    private static int Compare(int[] set, int a, int b)
    {
        // Span to the last element first, then to the second-to-last, and so on inwards.
        for (var k = set.Length - 1; k >= 1; k--)
        {
            var spanA = Interval(set, a, k);
            var spanB = Interval(set, b, k);
            if (spanA != spanB)
            {
                return spanA.CompareTo(spanB);
            }
        }

        return set[a].CompareTo(set[b]);
    }

    private static int Interval(int[] set, int rotation, int k) =>
        (set[(rotation + k) % set.Length] - set[rotation] + 12) % 12;
}
