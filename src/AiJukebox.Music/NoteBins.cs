namespace AiJukebox.Music;

/// <summary>
/// The note grid and bins that the fixed-vocabulary tokenizers (<c>events</c>, <c>remi</c>) share:
/// 12 grid steps per beat, pitches folded into 21–108, 32 velocity bins of 4, and 26 duration bins
/// from 1/12 beat to 8 beats.
/// </summary>
/// <remarks>
/// Durations are in grid steps: every step up to a beat, every 2 steps up to 2 beats, every 6 up to
/// 4 beats, every beat up to 8 beats (the longest; longer notes are cut to it).
/// </remarks>
internal static class NoteBins
{
    /// <summary>Grid steps per beat (16ths and triplets fall on it).</summary>
    public const int StepsPerBeat = 12;

    /// <summary>Lowest pitch (A0).</summary>
    public const int LowestPitch = 21;

    /// <summary>Highest pitch (C8).</summary>
    public const int HighestPitch = 108;

    /// <summary>Number of pitches.</summary>
    public const int PitchCount = HighestPitch - LowestPitch + 1;

    /// <summary>Number of velocity bins.</summary>
    public const int VelocityBins = 32;

    private const int VelocityBinWidth = 128 / VelocityBins;

    /// <summary>Duration bins in grid steps, ascending.</summary>
    public static readonly int[] DurationSteps =
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 30, 36, 42, 48, 60, 72, 84, 96];

    /// <summary>The bin a decoder assumes when a stream gives no velocity.</summary>
    public static int DefaultVelocity => BinVelocity(VelocityBins / 2);

    /// <summary>The token texts of the pitches, velocity bins and duration bins, in that order.</summary>
    public static IEnumerable<string> NoteTokens =>
        Enumerable.Range(LowestPitch, PitchCount).Select(p => $"Pitch_{p}")
            .Concat(Enumerable.Range(0, VelocityBins).Select(b => $"Velocity_{BinVelocity(b)}"))
            .Concat(DurationSteps.Select(d => $"Duration_{d}"));

    /// <summary>The velocity a bin stands for (the middle of its range).</summary>
    public static int BinVelocity(int bin) => (bin * VelocityBinWidth) + (VelocityBinWidth / 2);

    /// <summary>A pitch moved by octaves into 21–108.</summary>
    public static int FoldPitch(int pitch)
    {
        while (pitch < LowestPitch)
        {
            pitch += 12;
        }

        while (pitch > HighestPitch)
        {
            pitch -= 12;
        }

        return pitch;
    }

    /// <summary>The nearest grid step of a time in beats (halves away from zero), clamped far from overflow.</summary>
    public static int ToStep(double beats) =>
        (int)Math.Clamp(Math.Round(beats * StepsPerBeat, MidpointRounding.AwayFromZero), int.MinValue / 2, int.MaxValue / 2);

    /// <summary>
    /// The notes on the grid, in bins, sorted by onset, pitch, velocity, duration: onsets before 0
    /// are put at 0, durations shorter than a step take one step.
    /// </summary>
    public static List<BinnedNote> Quantize(IReadOnlyList<Note> notes)
    {
        var result = new List<BinnedNote>(notes.Count);
        foreach (var note in notes)
        {
            var step = Math.Max(0, ToStep(note.Start));
            var velocityBin = Math.Clamp(note.Velocity, 1, 127) / VelocityBinWidth;
            result.Add(new BinnedNote(step, FoldPitch(note.Pitch), velocityBin, DurationBin(Math.Max(1, ToStep(note.Duration)))));
        }

        result.Sort();
        return result;
    }

    /// <summary>The note a binned note decodes to.</summary>
    public static Note ToNote(BinnedNote note) =>
        new((double)note.Step / StepsPerBeat, (double)DurationSteps[note.DurationBin] / StepsPerBeat, note.Pitch, BinVelocity(note.VelocityBin));

    /// <summary>The nearest bin (the shorter one on a tie); longer than the last bin → the last.</summary>
    private static int DurationBin(int steps)
    {
        var index = Array.BinarySearch(DurationSteps, steps);
        if (index >= 0)
        {
            return index;
        }

        var above = ~index;
        if (above == DurationSteps.Length)
        {
            return above - 1;
        }

        return steps - DurationSteps[above - 1] <= DurationSteps[above] - steps ? above - 1 : above;
    }
}
