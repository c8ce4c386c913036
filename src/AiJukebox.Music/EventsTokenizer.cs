using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// The default tokenizer: a fixed vocabulary in the spirit of MidiTok's TSD. Per note, in onset
/// order (ties by pitch): <c>Shift_n</c> tokens as needed (advance n grid steps), then
/// <c>Pitch_p</c>, <c>Velocity_v</c>, <c>Duration_d</c>. A piece is <c>BOS … EOS</c>.
/// </summary>
/// <remarks>
/// The grid and the bins are <see cref="NoteBins"/>'s, shared with the remi tokenizer: 12 steps per
/// beat (16ths and triplets fall on it), pitches outside 21–108 moved by octaves into that range,
/// 32 velocity bins of 4 (the token shows the bin's middle), and durations in grid steps: every step
/// up to a beat, every 2 steps up to 2 beats, every 6 up to 4 beats, every beat up to 8 beats (the
/// longest; longer notes are cut to it). Because the vocabulary is fixed, any note played on a
/// keyboard can be encoded.
/// </remarks>
public sealed class EventsTokenizer : ITokenizer
{
    /// <summary>The name in notes files.</summary>
    public const string TokenizerName = "events";

    /// <summary>Grid steps per beat.</summary>
    public const int StepsPerBeat = NoteBins.StepsPerBeat;

    /// <summary>The largest single shift, in steps (4 beats); longer gaps take several shifts.</summary>
    public const int MaxShift = 48;

    /// <summary>Lowest pitch in the vocabulary (A0).</summary>
    public const int LowestPitch = NoteBins.LowestPitch;

    /// <summary>Highest pitch in the vocabulary (C8).</summary>
    public const int HighestPitch = NoteBins.HighestPitch;

    /// <summary>Number of velocity bins.</summary>
    public const int VelocityBins = NoteBins.VelocityBins;

    /// <summary>Token id of padding (never generated).</summary>
    public const int Pad = 0;

    /// <summary>Token id of the start of a piece.</summary>
    public const int Bos = 1;

    /// <summary>Token id of the end of a piece.</summary>
    public const int Eos = 2;

    internal const int ShiftBase = 3;
    internal const int PitchBase = ShiftBase + MaxShift;
    internal const int VelocityBase = PitchBase + NoteBins.PitchCount;
    internal const int DurationBase = VelocityBase + VelocityBins;

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

    /// <inheritdoc />
    /// <remarks>The events tokenizer has no bars: the time signatures change nothing.</remarks>
    public int[] Encode(IReadOnlyList<Note> notes, IReadOnlyList<TimeSignatureChange> timeSignatures) => Encode(notes);

    /// <summary>
    /// Appends the tokens of <paramref name="notes"/> (no BOS/EOS) to a stream whose position is
    /// <paramref name="fromBeat"/>: what live input feeds a model. Notes before that beat are placed at it.
    /// </summary>
    /// <returns>The stream's position in beats after the appended tokens.</returns>
    public double AppendNotes(IReadOnlyList<Note> notes, double fromBeat, List<int> tokens)
    {
        var position = Math.Max(0, NoteBins.ToStep(fromBeat));
        foreach (var (step, pitch, velocityBin, durationBin) in NoteBins.Quantize(notes))
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
    public static IReadOnlyList<Note> Quantize(IReadOnlyList<Note> notes) => NoteBins.Quantize(notes).Select(NoteBins.ToNote).ToArray();

    /// <inheritdoc />
    public void AppendContinuation(IReadOnlyList<Note> notes, ITokenDecoder stream, List<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(stream);
        AppendNotes(notes, stream.Position, tokens);
    }

    /// <inheritdoc />
    public ITokenDecoder CreateDecoder() => new EventsTokenDecoder();

    /// <inheritdoc />
    public ITokenGrammar CreateGrammar() => new EventsTokenGrammar();

    private static Vocabulary BuildVocabulary()
    {
        var tokens = new List<string> { "PAD", "BOS", "EOS" };
        tokens.AddRange(Enumerable.Range(1, MaxShift).Select(n => $"Shift_{n}"));
        tokens.AddRange(NoteBins.NoteTokens);
        return new Vocabulary(tokens);
    }
}
