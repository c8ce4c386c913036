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

    /// <summary>Parses a name written by <see cref="ToName"/> (also accepts 'b' for flat); false when it is not one.</summary>
    public static bool TryParse(string name, out int pitch)
    {
        pitch = 0;
        if (name.Length < 2)
        {
            return false;
        }

        var pitchClass = name[0] switch
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
            return false;
        }

        var i = 1;
        if (name[i] == '#')
        {
            pitchClass++;
            i++;
        }
        else if ((name[i] == '-' || name[i] == 'b') && i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
        {
            pitchClass--;
            i++;
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
