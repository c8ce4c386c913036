using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// The default tokenizer: a fixed vocabulary in the spirit of MidiTok's TSD. Per note, in onset
/// order (ties by pitch): <c>Shift_n</c> tokens as needed (advance n grid steps), then
/// <c>Pitch_p</c>, <c>Velocity_v</c>, <c>Duration_d</c>. A piece is <c>BOS … EOS</c>.
/// </summary>
/// <remarks>
/// The grid is 12 steps per beat (16ths and triplets fall on it). Pitches outside 21–108 are moved
/// by octaves into that range. Velocities fall into 32 bins of 4 (the token shows the bin's middle).
/// Durations are in grid steps: every step up to a beat, every 2 steps up to 2 beats, every 6 up to
/// 4 beats, every beat up to 8 beats (the longest; longer notes are cut to it). Because the
/// vocabulary is fixed, any note played on a keyboard can be encoded.
/// </remarks>
public sealed class EventsTokenizer : ITokenizer
{
    /// <summary>The name in notes files.</summary>
    public const string TokenizerName = "events";

    /// <summary>Grid steps per beat.</summary>
    public const int StepsPerBeat = 12;

    /// <summary>The largest single shift, in steps (4 beats); longer gaps take several shifts.</summary>
    public const int MaxShift = 48;

    /// <summary>Lowest pitch in the vocabulary (A0).</summary>
    public const int LowestPitch = 21;

    /// <summary>Highest pitch in the vocabulary (C8).</summary>
    public const int HighestPitch = 108;

    /// <summary>Number of velocity bins.</summary>
    public const int VelocityBins = 32;

    /// <summary>Token id of padding (never generated).</summary>
    public const int Pad = 0;

    /// <summary>Token id of the start of a piece.</summary>
    public const int Bos = 1;

    /// <summary>Token id of the end of a piece.</summary>
    public const int Eos = 2;

    internal const int ShiftBase = 3;
    internal const int PitchBase = ShiftBase + MaxShift;
    internal const int VelocityBase = PitchBase + (HighestPitch - LowestPitch + 1);
    internal const int DurationBase = VelocityBase + VelocityBins;

    private const int VelocityBinWidth = 128 / VelocityBins;

    /// <summary>Duration bins in grid steps, ascending.</summary>
    internal static readonly int[] DurationSteps =
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 30, 36, 42, 48, 60, 72, 84, 96];

    private static readonly Vocabulary FixedVocabulary = BuildVocabulary();

    private static readonly IReadOnlyDictionary<string, string> FixedSettings = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["maxShift"] = MaxShift.ToString(CultureInfo.InvariantCulture),
        ["stepsPerBeat"] = StepsPerBeat.ToString(CultureInfo.InvariantCulture),
        ["velocityBins"] = VelocityBins.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Creates the tokenizer (it has no options: its vocabulary is fixed).</summary>
    public EventsTokenizer()
    {
    }

    /// <inheritdoc />
    public string Name => TokenizerName;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Settings => FixedSettings;

    /// <inheritdoc />
    public Vocabulary Vocabulary => FixedVocabulary;

    /// <summary>Creates the tokenizer from notes-file settings.</summary>
    /// <exception cref="ArgumentException">A setting is unknown or differs from this tokenizer's fixed values.</exception>
    public static EventsTokenizer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            if (!FixedSettings.TryGetValue(key, out var expected))
            {
                throw new ArgumentException($"The events tokenizer has no setting '{key}' (it knows {string.Join(", ", FixedSettings.Keys)}).", nameof(settings));
            }

            if (value != expected)
            {
                throw new ArgumentException($"The events tokenizer supports {key}={expected} only, not {value}.", nameof(settings));
            }
        }

        return new EventsTokenizer();
    }

    /// <inheritdoc />
    public int[] Encode(IReadOnlyList<Note> notes)
    {
        var tokens = new List<int>((notes.Count * 4) + 2) { Bos };
        AppendNotes(notes, 0, tokens);
        tokens.Add(Eos);
        return tokens.ToArray();
    }

    /// <summary>
    /// Appends the tokens of <paramref name="notes"/> (no BOS/EOS) to a stream whose position is
    /// <paramref name="fromBeat"/>: what live input feeds a model. Notes before that beat are placed at it.
    /// </summary>
    /// <returns>The stream's position in beats after the appended tokens.</returns>
    public double AppendNotes(IReadOnlyList<Note> notes, double fromBeat, List<int> tokens)
    {
        var position = Math.Max(0, ToStep(fromBeat));
        foreach (var (step, pitch, velocityBin, durationBin) in QuantizeToBins(notes))
        {
            var gap = Math.Max(0, step - position);
            for (; gap > 0; gap -= Math.Min(gap, MaxShift))
            {
                tokens.Add(ShiftBase + Math.Min(gap, MaxShift) - 1);
            }

            position = Math.Max(position, step);
            tokens.Add(PitchBase + pitch - LowestPitch);
            tokens.Add(VelocityBase + velocityBin);
            tokens.Add(DurationBase + durationBin);
        }

        return (double)position / StepsPerBeat;
    }

    /// <summary>
    /// The notes as they come back from encoding and decoding: onsets and durations on the grid,
    /// pitches folded into 21–108, velocities at their bin's middle, channel 0, sorted by onset then pitch.
    /// </summary>
    public static IReadOnlyList<Note> Quantize(IReadOnlyList<Note> notes) =>
        QuantizeToBins(notes)
            .Select(q => new Note((double)q.Step / StepsPerBeat, (double)DurationSteps[q.DurationBin] / StepsPerBeat, q.Pitch, BinVelocity(q.VelocityBin)))
            .ToArray();

    /// <inheritdoc />
    public ITokenDecoder CreateDecoder() => new EventsTokenDecoder();

    /// <inheritdoc />
    public ITokenGrammar CreateGrammar() => new EventsTokenGrammar();

    /// <summary>The velocity a bin stands for (the middle of its range).</summary>
    internal static int BinVelocity(int bin) => (bin * VelocityBinWidth) + (VelocityBinWidth / 2);

    internal static int FoldPitch(int pitch)
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

    private static List<(int Step, int Pitch, int VelocityBin, int DurationBin)> QuantizeToBins(IReadOnlyList<Note> notes)
    {
        var result = new List<(int Step, int Pitch, int VelocityBin, int DurationBin)>(notes.Count);
        foreach (var note in notes)
        {
            var step = Math.Max(0, ToStep(note.Start));
            var velocityBin = Math.Clamp(note.Velocity, 1, 127) / VelocityBinWidth;
            result.Add((step, FoldPitch(note.Pitch), velocityBin, DurationBin(Math.Max(1, ToStep(note.Duration)))));
        }

        result.Sort();
        return result;
    }

    private static int ToStep(double beats) =>
        (int)Math.Clamp(Math.Round(beats * StepsPerBeat, MidpointRounding.AwayFromZero), int.MinValue / 2, int.MaxValue / 2);

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

    private static Vocabulary BuildVocabulary()
    {
        var tokens = new List<string> { "PAD", "BOS", "EOS" };
        tokens.AddRange(Enumerable.Range(1, MaxShift).Select(n => $"Shift_{n}"));
        tokens.AddRange(Enumerable.Range(LowestPitch, HighestPitch - LowestPitch + 1).Select(p => $"Pitch_{p}"));
        tokens.AddRange(Enumerable.Range(0, VelocityBins).Select(b => $"Velocity_{BinVelocity(b)}"));
        tokens.AddRange(DurationSteps.Select(d => $"Duration_{d}"));
        return new Vocabulary(tokens);
    }
}
