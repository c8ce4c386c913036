namespace AiJukebox.Music;

/// <summary>Note names as music21 writes them (the original project's symbols): <c>C#4</c>, <c>E-4</c>; middle C = C4.</summary>
public static class PitchNames
{
    private static readonly string[] Names = ["C", "C#", "D", "E-", "E", "F", "F#", "G", "G#", "A", "B-", "B"];

    /// <summary>The name of a pitch class 0–11 without octave (<c>C#</c>, <c>E-</c>), as in <see cref="ToName"/>.</summary>
    public static string ClassName(int pitchClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pitchClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pitchClass, 11);
        return Names[pitchClass];
    }

    /// <summary>The name with octave of a MIDI pitch 0–127 (octave −1 is written <c>C_1</c>, so it never reads as a flat).</summary>
    public static string ToName(int pitch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pitch);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pitch, 127);
        var octave = (pitch / 12) - 1;
        return octave < 0 ? $"{Names[pitch % 12]}_1" : $"{Names[pitch % 12]}{octave}";
    }

    /// <summary>
    /// Reads a pitch class at the start of <paramref name="text"/>: a letter A–G (any case) and
    /// an optional sharp (<c>#</c>) or flat (<c>b</c>, or <c>-</c> as music21 writes it).
    /// </summary>
    /// <param name="text">The text to read from.</param>
    /// <param name="pitchClass">Semitones above C, −1 to 12 (C flat is −1, B sharp 12).</param>
    /// <returns>The characters read: 0 when the text does not start with a letter A–G.</returns>
    public static int ReadClass(ReadOnlySpan<char> text, out int pitchClass)
    {
        pitchClass = text.IsEmpty ? -1 : char.ToUpperInvariant(text[0]) switch
        {
            'C' => 0,
            'D' => 2,
            'E' => 4,
            'F' => 5,
            'G' => 7,
            'A' => 9,
            'B' => 11,
            _ => -1,
        };
        if (pitchClass < 0)
        {
            return 0;
        }

        var accidental = text.Length > 1 ? text[1] : ' ';
        var shift = accidental switch
        {
            '#' => 1,
            'b' or '-' => -1,
            _ => 0,
        };
        // Not wrapped: C flat is −1 and B sharp 12, so a note name keeps its octave right.
        pitchClass += shift;
        return shift == 0 ? 1 : 2;
    }

    /// <summary>Parses a name written by <see cref="ToName"/> (also accepts 'b' for flat); false when it is not one.</summary>
    public static bool TryParse(string name, out int pitch)
    {
        pitch = 0;
        if (name.Length < 2)
        {
            return false;
        }

        var i = ReadClass(name, out var pitchClass);
        if (i == 0 || i == name.Length)
        {
            return false;
        }

        var rest = name.AsSpan(i);
        int octave;
        if (rest.SequenceEqual("_1"))
        {
            octave = -1;
        }
        else if (rest.Length is 1 or 2 && int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out octave))
        {
        }
        else
        {
            return false;
        }

        pitch = ((octave + 1) * 12) + pitchClass;
        return pitch is >= 0 and <= 127;
    }
}
