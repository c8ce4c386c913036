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

    /// <inheritdoc />
    public override string ToString() => Name;
}
