using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// The original project's symbols, one per half beat: a single note as its name with octave
/// (<c>C#4</c>), several notes as their pitch classes in normal order joined by dots (<c>0.4.7</c>),
/// or with <c>chordOctaves</c> as their names joined by dots (<c>C4.E4.G4</c>). A half beat in
/// which no note starts is the rest symbol <c>R</c> (the original skipped rests and so lost time).
/// </summary>
/// <remarks>
/// Notes are grouped by their onset rounded to the nearest half beat; pitches are folded into
/// 21–108. Decoding gives every note half a beat (one symbol), velocity 64, and puts chord pitch
/// classes in octave 4, as the original did. The vocabulary is the symbols of the corpus sorted
/// ordinally; encoding a symbol the corpus never had falls back to the chord's lowest note, then
/// to <c>R</c>, and is otherwise dropped.
/// </remarks>
public sealed class ChordsTokenizer : ITokenizer
{
    /// <summary>The name in notes files.</summary>
    public const string TokenizerName = "chords";

    /// <summary>The symbol of a half beat in which no note starts.</summary>
    public const string Rest = "R";

    /// <summary>Symbols per beat.</summary>
    public const int StepsPerBeat = 2;

    /// <summary>Velocity of decoded notes.</summary>
    public const int DecodedVelocity = 64;

    private readonly int[][] _pitchesById;

    /// <summary>Creates the tokenizer for a corpus vocabulary.</summary>
    /// <exception cref="ArgumentException">A token of the vocabulary is not a chords symbol.</exception>
    public ChordsTokenizer(Vocabulary vocabulary, bool chordOctaves)
    {
        Vocabulary = vocabulary;
        ChordOctaves = chordOctaves;
        Settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["chordOctaves"] = chordOctaves ? "true" : "false",
            ["stepsPerBeat"] = StepsPerBeat.ToString(CultureInfo.InvariantCulture),
        };
        _pitchesById = vocabulary.Tokens.Select(t => ParseSymbol(t) ?? throw new ArgumentException($"'{t}' is not a chords symbol.", nameof(vocabulary))).ToArray();
    }

    /// <summary>Whether chords keep their octaves.</summary>
    public bool ChordOctaves { get; }

    /// <inheritdoc />
    public string Name => TokenizerName;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <inheritdoc />
    public Vocabulary Vocabulary { get; }

    /// <summary>Creates the tokenizer from notes-file settings and vocabulary.</summary>
    /// <exception cref="ArgumentException">A setting is unknown or invalid, or the vocabulary holds a non-symbol.</exception>
    public static ChordsTokenizer FromSettings(IReadOnlyDictionary<string, string> settings, Vocabulary vocabulary)
    {
        var octaves = false;
        foreach (var (key, value) in settings)
        {
            switch (key)
            {
                case "chordOctaves" when value is "true" or "false":
                    octaves = value == "true";
                    break;
                case "stepsPerBeat" when value == "2":
                    break;
                default:
                    throw new ArgumentException($"The chords tokenizer does not support the setting {key}={value} (it knows chordOctaves=true|false and stepsPerBeat=2).", nameof(settings));
            }
        }

        return new ChordsTokenizer(vocabulary, octaves);
    }

    /// <summary>Builds the tokenizer whose vocabulary is every symbol of the given pieces, sorted ordinally.</summary>
    public static ChordsTokenizer ForCorpus(IEnumerable<IReadOnlyList<string>> symbolizedPieces, bool chordOctaves)
    {
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var piece in symbolizedPieces)
        {
            symbols.UnionWith(piece);
        }

        return new ChordsTokenizer(new Vocabulary(symbols), chordOctaves);
    }

    /// <summary>The symbols of a piece, one per half beat from beat 0 to its last onset.</summary>
    public static IReadOnlyList<string> ToSymbols(IReadOnlyList<Note> notes, bool chordOctaves)
    {
        var byStep = new SortedDictionary<int, SortedSet<int>>();
        foreach (var note in notes)
        {
            var step = (int)Math.Clamp(Math.Round(note.Start * StepsPerBeat, MidpointRounding.AwayFromZero), 0, int.MaxValue / 2);
            if (!byStep.TryGetValue(step, out var pitches))
            {
                byStep[step] = pitches = [];
            }

            pitches.Add(NoteBins.FoldPitch(note.Pitch));
        }

        var symbols = new List<string>();
        foreach (var (step, pitches) in byStep)
        {
            while (symbols.Count < step)
            {
                symbols.Add(Rest);
            }

            symbols.Add(Symbol(pitches, chordOctaves));
        }

        return symbols;
    }

    /// <inheritdoc />
    public int[] Encode(IReadOnlyList<Note> notes)
    {
        var tokens = new List<int>();
        foreach (var symbol in ToSymbols(notes, ChordOctaves))
        {
            var id = Vocabulary.IdOf(symbol);
            if (id < 0 && ParseSymbol(symbol) is { Length: > 0 } pitches)
            {
                id = Vocabulary.IdOf(PitchNames.ToName(pitches.Min()));
            }

            if (id < 0)
            {
                id = Vocabulary.IdOf(Rest);
            }

            if (id >= 0)
            {
                tokens.Add(id);
            }
        }

        return tokens.ToArray();
    }

    /// <inheritdoc />
    /// <remarks>The chords tokenizer has no bars: the time signatures change nothing.</remarks>
    public int[] Encode(IReadOnlyList<Note> notes, IReadOnlyList<TimeSignatureChange> timeSignatures) => Encode(notes);

    /// <inheritdoc />
    /// <remarks>One symbol per half beat from the stream's position (rests where nothing starts).</remarks>
    public void AppendContinuation(IReadOnlyList<Note> notes, ITokenDecoder stream, List<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(stream);
        tokens.AddRange(Encode(notes.Select(n => n with { Start = Math.Max(0, n.Start - stream.Position) }).ToArray()));
    }

    /// <inheritdoc />
    public ITokenDecoder CreateDecoder() => new ChordsTokenDecoder(_pitchesById);

    /// <inheritdoc />
    public ITokenGrammar CreateGrammar() => new ChordsTokenGrammar(Vocabulary.Count);

    /// <summary>The pitches a symbol decodes to, or null when it is not a symbol.</summary>
    internal static int[]? ParseSymbol(string symbol)
    {
        if (symbol == Rest)
        {
            return [];
        }

        if (PitchNames.TryParse(symbol, out var single))
        {
            return [single];
        }

        var parts = symbol.Split('.');
        var pitches = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var pitchClass) && pitchClass < 12)
            {
                pitches[i] = 60 + pitchClass;
            }
            else if (!PitchNames.TryParse(parts[i], out pitches[i]))
            {
                return null;
            }
        }

        return pitches;
    }

    private static string Symbol(SortedSet<int> pitches, bool chordOctaves)
    {
        if (pitches.Count == 1)
        {
            return PitchNames.ToName(pitches.Min);
        }

        return chordOctaves
            ? string.Join('.', pitches.Select(PitchNames.ToName))
            : string.Join('.', NormalOrder.Of(pitches.Select(p => p % 12)));
    }
}
