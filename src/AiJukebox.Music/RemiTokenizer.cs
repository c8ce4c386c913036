using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// A bar-aware tokenizer after REMI (Huang and Yang, Pop Music Transformer, 2020; token layout as
/// MidiTok's REMI). Per bar <c>Bar</c>, then <c>TimeSig_n/d</c> at the first bar and where the
/// meter changes; per onset <c>Position_k</c> (grid steps from the bar's start) followed by that
/// onset's notes, each <c>Pitch_p Velocity_v Duration_d</c>. A bar with no onset is a lone
/// <c>Bar</c>. A piece is <c>BOS … EOS</c>.
/// </summary>
/// <remarks>
/// <para>The grid, pitches, velocity and duration bins are the events tokenizer's
/// (<see cref="NoteBins"/>): 12 steps per beat, so a position is a 16th or a triplet.</para>
/// <para>Time signatures come from the file; before the first one, and when there is none, 4/4.
/// The vocabulary has 13 meters: 2/4 3/4 4/4 5/4 6/4, 2/2 3/2, 3/8 5/8 6/8 7/8 9/8 12/8 (bars of
/// 1.5 to 6 beats; a beat is a quarter note, so a 6/8 bar is 3 beats). Another meter becomes the
/// one with the same bar length (the nearest beat unit on a tie: 4/8 → 2/4, 12/16 → 6/8), else 4/4
/// (7/4, 11/8, 1/4 …). A change takes effect at the first bar line at or after it, so the bar grid
/// is always whole bars. Positions are <c>Position_0..71</c> (the longest bar, 6 beats).</para>
/// <para>The bars run from beat 0 to the end of the last note (a piece of 4 bars of 4/4 whose
/// last note ends at beat 16 has 4 <c>Bar</c> tokens).</para>
/// </remarks>
public sealed class RemiTokenizer : ITokenizer
{
    /// <summary>The name in notes files.</summary>
    public const string TokenizerName = "remi";

    /// <summary>Grid steps per beat.</summary>
    public const int StepsPerBeat = NoteBins.StepsPerBeat;

    /// <summary>Positions in a bar: the longest bar (6 beats) in grid steps.</summary>
    public const int MaxBarSteps = 72;

    /// <summary>Token id of padding (never generated).</summary>
    public const int Pad = 0;

    /// <summary>Token id of the start of a piece.</summary>
    public const int Bos = 1;

    /// <summary>Token id of the end of a piece.</summary>
    public const int Eos = 2;

    /// <summary>Token id of the start of a bar.</summary>
    public const int Bar = 3;

    internal const int TimeSigBase = 4;
    internal const int MeterCount = 13;
    internal const int PositionBase = TimeSigBase + MeterCount;
    internal const int PitchBase = PositionBase + MaxBarSteps;
    internal const int VelocityBase = PitchBase + NoteBins.PitchCount;
    internal const int DurationBase = VelocityBase + NoteBins.VelocityBins;

    /// <summary>The meters of the vocabulary, in token order.</summary>
    internal static readonly Meter[] Meters =
    [
        new(2, 4), new(3, 4), new(4, 4), new(5, 4), new(6, 4),
        new(2, 2), new(3, 2),
        new(3, 8), new(5, 8), new(6, 8), new(7, 8), new(9, 8), new(12, 8),
    ];

    /// <summary>Index of 4/4 in <see cref="Meters"/>.</summary>
    internal const int CommonTime = 2;

    private static readonly Vocabulary FixedVocabulary = BuildVocabulary();

    private static readonly IReadOnlyDictionary<string, string> FixedSettings = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["maxBarSteps"] = MaxBarSteps.ToString(CultureInfo.InvariantCulture),
        ["stepsPerBeat"] = StepsPerBeat.ToString(CultureInfo.InvariantCulture),
        ["timeSignatures"] = string.Join(' ', Meters.Select(m => $"{m.Numerator}/{m.Denominator}")),
        ["velocityBins"] = NoteBins.VelocityBins.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Number of token ids.</summary>
    internal static int Size => DurationBase + NoteBins.DurationSteps.Length;

    /// <inheritdoc />
    public string Name => TokenizerName;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Settings => FixedSettings;

    /// <inheritdoc />
    public Vocabulary Vocabulary => FixedVocabulary;

    /// <summary>Creates the tokenizer from notes-file settings.</summary>
    /// <exception cref="ArgumentException">A setting is unknown or differs from this tokenizer's fixed values.</exception>
    public static RemiTokenizer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            if (!FixedSettings.TryGetValue(key, out var expected))
            {
                throw new ArgumentException($"The remi tokenizer has no setting '{key}' (it knows {string.Join(", ", FixedSettings.Keys)}).", nameof(settings));
            }

            if (value != expected)
            {
                throw new ArgumentException($"The remi tokenizer supports {key}={expected} only, not {value}.", nameof(settings));
            }
        }

        return new RemiTokenizer();
    }

    /// <summary>
    /// The notes as they come back from encoding and decoding: onsets and durations on the grid,
    /// pitches folded into 21–108, velocities at their bin's middle, channel 0, sorted by onset then pitch
    /// (the same as the events tokenizer's; bars change where a note is written, not when it sounds).
    /// </summary>
    public static IReadOnlyList<Note> Quantize(IReadOnlyList<Note> notes) => EventsTokenizer.Quantize(notes);

    /// <summary>The length of a bar in beats under a time signature, as this tokenizer maps it.</summary>
    public static double BarBeats(int numerator, int denominator) => (double)Meters[MeterOf(numerator, denominator)].BarSteps / StepsPerBeat;

    /// <inheritdoc />
    public int[] Encode(IReadOnlyList<Note> notes) => Encode(notes, []);

    /// <inheritdoc />
    public int[] Encode(IReadOnlyList<Note> notes, IReadOnlyList<TimeSignatureChange> timeSignatures)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(timeSignatures);
        var binned = NoteBins.Quantize(notes);
        var tokens = new List<int>((notes.Count * 4) + 8) { Bos };
        if (binned.Count > 0)
        {
            var timeline = MeterTimeline(timeSignatures);
            var cursor = new BarCursor(0, MeterAt(timeline, 0), -1, Started: false, NeedMeter: true);
            cursor = Append(cursor, binned, timeline, tokens);
            var end = binned.Max(n => (long)n.Step + NoteBins.DurationSteps[n.DurationBin]);
            while (cursor.BarStart + Meters[cursor.Meter].BarSteps < end)
            {
                cursor = NextBar(cursor, timeline, tokens);
            }
        }

        tokens.Add(Eos);
        return tokens.ToArray();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The notes go into the stream's current bar, or later bars of its grid (at its current
    /// meter); several notes at one onset share a position.
    /// </remarks>
    public void AppendContinuation(IReadOnlyList<Note> notes, ITokenDecoder stream, List<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(tokens);
        if (stream is not RemiTokenDecoder decoder)
        {
            throw new ArgumentException("The stream is not decoded by a remi decoder.", nameof(stream));
        }

        // Placed at the stream's position before quantizing, so notes that share an onset stay in pitch order.
        var position = decoder.Position;
        Append(decoder.Cursor, NoteBins.Quantize(notes.Select(n => n.Start < position ? n with { Start = position } : n).ToArray()), null, tokens);
    }

    /// <inheritdoc />
    public ITokenDecoder CreateDecoder() => new RemiTokenDecoder();

    /// <inheritdoc />
    public ITokenGrammar CreateGrammar() => new RemiTokenGrammar();

    /// <summary>
    /// A window cut from <paramref name="piece"/> at <paramref name="first"/> that starts with a bar
    /// whose meter is not written gets the meter in force there (so its bars have their length).
    /// </summary>
    internal static int[] WithMeterInForce(int[] piece, int first, int[] window)
    {
        if (window.Length == 0 || window[0] != Bar || (window.Length > 1 && IsTimeSig(window[1])))
        {
            return window;
        }

        var meter = CommonTime + TimeSigBase;
        for (var i = first - 1; i >= 0; i--)
        {
            if (IsTimeSig(piece[i]))
            {
                meter = piece[i];
                break;
            }
        }

        return [Bar, meter, .. window.AsSpan(1)];
    }

    internal static bool IsTimeSig(int token) => token is >= TimeSigBase and < PositionBase;

    /// <summary>The vocabulary's meter for a time signature (see the class remarks).</summary>
    internal static int MeterOf(int numerator, int denominator)
    {
        if (numerator <= 0 || denominator <= 0)
        {
            return CommonTime;
        }

        var exact = Array.IndexOf(Meters, new Meter(numerator, denominator));
        if (exact >= 0)
        {
            return exact;
        }

        var beats = numerator * 4.0 / denominator;
        var best = -1;
        for (var i = 0; i < Meters.Length; i++)
        {
            if (Math.Abs(((double)Meters[i].BarSteps / StepsPerBeat) - beats) < 1e-9
                && (best < 0 || UnitDistance(Meters[i].Denominator, denominator) < UnitDistance(Meters[best].Denominator, denominator)))
            {
                best = i;
            }
        }

        return best >= 0 ? best : CommonTime;
    }

    private static double UnitDistance(int a, int b) => Math.Abs(Math.Log2(a) - Math.Log2(b));

    /// <summary>The meter changes as (grid step, meter) in time order; a later change at the same step wins.</summary>
    private static List<(long Step, int Meter)> MeterTimeline(IReadOnlyList<TimeSignatureChange> changes)
    {
        var timeline = new List<(long Step, int Meter)>(changes.Count);
        foreach (var change in changes.OrderBy(c => c.Beat))
        {
            var step = (long)Math.Max(0, NoteBins.ToStep(change.Beat));
            var meter = MeterOf(change.Numerator, change.Denominator);
            if (timeline.Count > 0 && timeline[^1].Step == step)
            {
                timeline[^1] = (step, meter);
            }
            else
            {
                timeline.Add((step, meter));
            }
        }

        return timeline;
    }

    private static int MeterAt(List<(long Step, int Meter)>? timeline, long step)
    {
        var meter = CommonTime;
        foreach (var change in timeline ?? [])
        {
            if (change.Step > step)
            {
                break;
            }

            meter = change.Meter;
        }

        return meter;
    }

    /// <summary>Writes the notes (sorted) from the cursor on; a null timeline keeps the cursor's meter.</summary>
    private static BarCursor Append(BarCursor cursor, List<BinnedNote> notes, List<(long Step, int Meter)>? timeline, List<int> tokens)
    {
        foreach (var (noteStep, pitch, velocityBin, durationBin) in notes)
        {
            if (!cursor.Started)
            {
                tokens.Add(Bar);
                cursor = cursor with { Started = true, Position = -1 };
            }

            if (cursor.NeedMeter)
            {
                tokens.Add(TimeSigBase + cursor.Meter);
                cursor = cursor with { NeedMeter = false };
            }

            var step = Math.Max(noteStep, cursor.Now);
            while (step >= cursor.BarStart + Meters[cursor.Meter].BarSteps)
            {
                cursor = NextBar(cursor, timeline, tokens);
            }

            var position = (int)(step - cursor.BarStart);
            if (position != cursor.Position)
            {
                tokens.Add(PositionBase + position);
                cursor = cursor with { Position = position };
            }

            tokens.Add(PitchBase + pitch - NoteBins.LowestPitch);
            tokens.Add(VelocityBase + velocityBin);
            tokens.Add(DurationBase + durationBin);
        }

        return cursor;
    }

    private static BarCursor NextBar(BarCursor cursor, List<(long Step, int Meter)>? timeline, List<int> tokens)
    {
        tokens.Add(Bar);
        var next = cursor.NextBarStart;
        var meter = timeline is null ? cursor.Meter : MeterAt(timeline, next);
        if (meter != cursor.Meter)
        {
            tokens.Add(TimeSigBase + meter);
        }

        return new BarCursor(next, meter, -1, Started: true, NeedMeter: false);
    }

    private static Vocabulary BuildVocabulary()
    {
        var tokens = new List<string> { "PAD", "BOS", "EOS", "Bar" };
        tokens.AddRange(Meters.Select(m => m.Token));
        tokens.AddRange(Enumerable.Range(0, MaxBarSteps).Select(k => $"Position_{k}"));
        tokens.AddRange(NoteBins.NoteTokens);
        return new Vocabulary(tokens);
    }
}
