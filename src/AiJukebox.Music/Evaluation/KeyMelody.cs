namespace AiJukebox.Music.Evaluation;

/// <summary>A short melody that establishes its key, written in C major or A minor and transposed by <see cref="In"/>.</summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Key">The key it is written in (C major or A minor).</param>
/// <param name="Notes">Its notes, in beats from 0.</param>
/// <param name="LengthBeats">Its length in beats (whole bars), where the continuation starts.</param>
public sealed record KeyMelody(string Name, MusicalKey Key, IReadOnlyList<Note> Notes, double LengthBeats)
{
    /// <summary>
    /// The melody transposed to <paramref name="key"/> (same mode), by the interval between the
    /// tonics that lies in −5…+6 semitones, so every key stays around the written register
    /// (C4 / A3) rather than climbing an octave from C to B.
    /// </summary>
    /// <exception cref="ArgumentException">The key's mode is not the melody's.</exception>
    public IReadOnlyList<Note> In(MusicalKey key)
    {
        if (key.Mode != Key.Mode)
        {
            throw new ArgumentException($"{Name} is a {Key.Mode.ToString().ToLowerInvariant()} melody; it cannot be played in {key.Name}.", nameof(key));
        }

        var shift = ((key.Tonic - Key.Tonic + 12 + 5) % 12) - 5;
        return [.. Notes.Select(n => n with { Pitch = n.Pitch + shift })];
    }
}
