namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The key-following test: does a model continue in the key a player has set? Short melodies
/// that leave no doubt about their key (the whole scale, the leading tone, a cadence to the
/// tonic), major and minor, are played in each of the 24 keys as the primer; the score is the
/// share of the continuation's notes whose pitch class is in that key (<see cref="MusicalKey.Contains"/>).
/// Chance, for notes spread evenly over the 12 pitch classes, is 7/12 ≈ 0.58 for a major key
/// and 8/12 ≈ 0.67 for a minor one.
/// </summary>
public static class KeyFollowing
{
    private const int Velocity = 80;

    /// <summary>The melodies: two in C major, two in A minor, four bars of 4/4 each.</summary>
    public static IReadOnlyList<KeyMelody> Melodies { get; } =
    [
        // Up the scale, down through the dominant seventh's notes, home.
        Melody("major scale and cadence", new MusicalKey(0, KeyMode.Major), ("C4", 1), ("D4", 1), ("E4", 1), ("F4", 1), ("G4", 1), ("A4", 1), ("B4", 1), ("C5", 1), ("B4", 1), ("G4", 1), ("F4", 1), ("D4", 1), ("C4", 4)),
        // Tonic arpeggio, subdominant, dominant with the leading tone, tonic.
        Melody("major arpeggios", new MusicalKey(0, KeyMode.Major), ("C4", 1), ("E4", 1), ("G4", 1), ("E4", 1), ("F4", 1), ("A4", 1), ("G4", 1), ("F4", 1), ("E4", 0.5), ("D4", 0.5), ("B3", 1), ("D4", 1), ("G4", 1), ("C4", 4)),
        // Harmonic minor up and down: the raised seventh leaves no doubt it is minor, not the relative major.
        Melody("harmonic minor scale and cadence", new MusicalKey(9, KeyMode.Minor), ("A3", 1), ("B3", 1), ("C4", 1), ("D4", 1), ("E4", 1), ("F4", 1), ("G#4", 1), ("A4", 1), ("G#4", 1), ("E4", 1), ("D4", 1), ("B3", 1), ("A3", 4)),
        Melody("minor arpeggios", new MusicalKey(9, KeyMode.Minor), ("A3", 1), ("C4", 1), ("E4", 1), ("C4", 1), ("D4", 1), ("F4", 1), ("E4", 1), ("D4", 1), ("C4", 0.5), ("B3", 0.5), ("G#3", 1), ("B3", 1), ("E4", 1), ("A3", 4)),
    ];

    /// <summary>The melodies of <paramref name="key"/>'s mode, transposed to it.</summary>
    public static IEnumerable<(KeyMelody Melody, IReadOnlyList<Note> Notes)> PrimersFor(MusicalKey key) =>
        Melodies.Where(m => m.Key.Mode == key.Mode).Select(m => (m, m.In(key)));

    /// <summary>How many of <paramref name="notes"/> are in <paramref name="key"/>.</summary>
    public static int InKey(IEnumerable<Note> notes, MusicalKey key)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Count(n => key.Contains(n.Pitch));
    }

    /// <summary>The share of <paramref name="notes"/> in <paramref name="key"/>; null for no notes.</summary>
    public static double? InKeyShare(IReadOnlyList<Note> notes, MusicalKey key)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Count == 0 ? null : (double)InKey(notes, key) / notes.Count;
    }

    private static KeyMelody Melody(string name, MusicalKey key, params (string Pitch, double Beats)[] line)
    {
        var notes = new List<Note>(line.Length);
        var time = 0.0;
        foreach (var (pitch, beats) in line)
        {
            if (!PitchNames.TryParse(pitch, out var midi))
            {
                throw new InvalidOperationException($"'{pitch}' is not a pitch name.");
            }

            // Slightly detached, as played: a legato line's notes would touch.
            notes.Add(new Note(time, beats * 0.9, midi, Velocity));
            time += beats;
        }

        return new KeyMelody(name, key, notes, time);
    }
}
