namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The five histograms a set of pieces is compared by, pooled over all its pieces: pitch (one
/// bin per semitone 21–108; pitches outside go to the end bins), pitch class (12), inter-onset
/// interval between consecutive distinct onsets (1/12-beat bins up to 2 beats, then one bin for
/// 2–4 beats and one beyond), duration (1/12-beat bins up to 4 beats, then one bin for 4–8 beats
/// and one beyond) and velocity (16 bins of 8). Not thread-safe.
/// </summary>
public sealed class NoteHistograms
{
    /// <summary>Lowest pitch with its own bin (A0).</summary>
    public const int LowestPitch = 21;

    /// <summary>Highest pitch with its own bin (C8).</summary>
    public const int HighestPitch = 108;

    /// <summary>Inter-onset intervals up to this many grid steps (2 beats) have a bin each.</summary>
    public const int FineInterOnsetSteps = 2 * Grid.StepsPerBeat;

    /// <summary>Durations up to this many grid steps (4 beats) have a bin each.</summary>
    public const int FineDurationSteps = 4 * Grid.StepsPerBeat;

    private const int VelocityBinWidth = 8;

    private readonly long[] _pitch = new long[HighestPitch - LowestPitch + 1];
    private readonly long[] _pitchClass = new long[12];
    private readonly long[] _interOnset = new long[FineInterOnsetSteps + 2];
    private readonly long[] _duration = new long[FineDurationSteps + 2];
    private readonly long[] _velocity = new long[128 / VelocityBinWidth];

    /// <summary>Pitch counts, bin <c>i</c> = pitch 21 + i.</summary>
    public IReadOnlyList<long> Pitch => _pitch;

    /// <summary>Pitch-class counts, bin = pitch mod 12.</summary>
    public IReadOnlyList<long> PitchClass => _pitchClass;

    /// <summary>Inter-onset counts: bin <c>i</c> &lt; 24 = (i + 1)/12 beat; 24 = over 2 up to 4 beats; 25 = over 4 beats.</summary>
    public IReadOnlyList<long> InterOnset => _interOnset;

    /// <summary>Duration counts: bin <c>i</c> &lt; 48 = (i + 1)/12 beat (shorter notes count as 1/12); 48 = over 4 up to 8 beats; 49 = over 8 beats.</summary>
    public IReadOnlyList<long> Duration => _duration;

    /// <summary>Velocity counts, bin = velocity / 8.</summary>
    public IReadOnlyList<long> Velocity => _velocity;

    /// <summary>Histograms of a set of pieces.</summary>
    public static NoteHistograms Of(IEnumerable<IReadOnlyList<Note>> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var histograms = new NoteHistograms();
        foreach (var piece in pieces)
        {
            histograms.Add(piece);
        }

        return histograms;
    }

    /// <summary>Adds one piece's notes.</summary>
    public void Add(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        foreach (var note in notes)
        {
            _pitch[Math.Clamp(note.Pitch, LowestPitch, HighestPitch) - LowestPitch]++;
            _pitchClass[((note.Pitch % 12) + 12) % 12]++;
            _duration[TimeBin(Math.Max(1, Grid.Step(note.Duration)), FineDurationSteps)]++;
            _velocity[Math.Clamp(note.Velocity, 0, 127) / VelocityBinWidth]++;
        }

        // Inter-onset intervals are per piece: the gap between two pieces is no interval.
        var onsets = Grid.Onsets(notes);
        for (var i = 1; i < onsets.Length; i++)
        {
            _interOnset[TimeBin(onsets[i] - onsets[i - 1], FineInterOnsetSteps)]++;
        }
    }

    /// <summary>The overlaps of each histogram with another set's.</summary>
    public HistogramOverlaps OverlapWith(NoteHistograms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new HistogramOverlaps(
            Overlap(_pitch, other._pitch),
            Overlap(_pitchClass, other._pitchClass),
            Overlap(_interOnset, other._interOnset),
            Overlap(_duration, other._duration),
            Overlap(_velocity, other._velocity));
    }

    /// <summary>Σ min(p, q) of two count vectors normalised to sum 1; NaN when either is empty.</summary>
    /// <exception cref="ArgumentException">The vectors differ in length.</exception>
    public static double Overlap(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Histograms of {a.Count} and {b.Count} bins cannot be compared.");
        }

        long totalA = a.Sum(), totalB = b.Sum();
        if (totalA == 0 || totalB == 0)
        {
            return double.NaN;
        }

        // Σ min(a/A, b/B) = Σ min(a·B, b·A) / (A·B), in integers: proportional histograms give
        // exactly 1, with no rounding. Counts of a few million notes stay far from overflow.
        long shared = 0;
        for (var i = 0; i < a.Count; i++)
        {
            shared += Math.Min(a[i] * totalB, b[i] * totalA);
        }

        return (double)shared / ((double)totalA * totalB);
    }

    /// <summary>Bin of a time in grid steps: one per step up to <paramref name="fine"/>, one up to twice that, one beyond.</summary>
    private static int TimeBin(long steps, int fine) =>
        steps <= fine ? (int)Math.Max(0, steps - 1) : steps <= 2L * fine ? fine : fine + 1;
}
