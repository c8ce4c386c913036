namespace AiJukebox.Music.Evaluation;

/// <summary>One of the 24 major and minor keys.</summary>
/// <param name="Tonic">Pitch class of the tonic, 0 (C) to 11 (B).</param>
/// <param name="Mode">Major or minor.</param>
public readonly record struct MusicalKey(int Tonic, KeyMode Mode)
{
    /// <summary>The 24 keys: C major … B major, then C minor … B minor.</summary>
    public static IReadOnlyList<MusicalKey> All { get; } =
        [.. Enumerable.Range(0, 12).Select(t => new MusicalKey(t, KeyMode.Major)), .. Enumerable.Range(0, 12).Select(t => new MusicalKey(t, KeyMode.Minor))];

    /// <summary>"C major", "F# minor", "B- major" (pitch names as <see cref="PitchNames"/> writes them).</summary>
    public string Name => $"{PitchNames.ClassName(Tonic)} {(Mode == KeyMode.Major ? "major" : "minor")}";

    /// <summary>
    /// Whether a pitch (any octave) belongs to the key: the major scale, or for a minor key the
    /// union of the natural and harmonic minor scales (so the raised leading tone counts).
    /// </summary>
    public bool Contains(int pitch) => Tonality.ScaleContains(Mode, pitch - Tonic);

    /// <summary>The key's scale as a 12-bit set of pitch classes (bit <c>c</c> set when pitch class <c>c</c> is in <see cref="Contains"/>).</summary>
    public int ScaleMask
    {
        get
        {
            var mask = 0;
            for (var pc = 0; pc < 12; pc++)
            {
                if (Contains(pc))
                {
                    mask |= 1 << pc;
                }
            }

            return mask;
        }
    }

    /// <summary>The key written as <see cref="Parse"/> reads it: <c>F#:major</c>, <c>B-:minor</c>.</summary>
    public string ShortName => $"{PitchNames.ClassName(Tonic)}:{(Mode == KeyMode.Major ? "major" : "minor")}";

    /// <summary>
    /// Reads <c>&lt;tonic&gt;:&lt;major|minor&gt;</c>: a letter A–G (any case), then optionally
    /// <c>#</c> (sharp) or <c>b</c>/<c>-</c> (flat); for example <c>F#:major</c>, <c>Bb:minor</c>, <c>e:minor</c>.
    /// </summary>
    public static bool TryParse(string? text, out MusicalKey key)
    {
        key = default;
        if (text is null || text.Split(':') is not [var tonicText, var modeText] || tonicText.Length is < 1 or > 2)
        {
            return false;
        }

        if (PitchNames.ReadClass(tonicText, out var tonic) != tonicText.Length)
        {
            return false;
        }

        KeyMode mode;
        if (modeText.Equals("major", StringComparison.OrdinalIgnoreCase))
        {
            mode = KeyMode.Major;
        }
        else if (modeText.Equals("minor", StringComparison.OrdinalIgnoreCase))
        {
            mode = KeyMode.Minor;
        }
        else
        {
            return false;
        }

        key = new MusicalKey((tonic + 12) % 12, mode);
        return true;
    }

    /// <summary>Reads a key as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException">The text is not a key.</exception>
    public static MusicalKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a key; write <tonic>:<major|minor>, for example F#:major or Bb:minor.");

    /// <inheritdoc />
    public override string ToString() => Name;
}
