namespace AiJukebox.Music.Evaluation;

/// <summary>The per-piece figures a set's statistics average. A null figure is undefined for the piece (too few notes).</summary>
/// <param name="Notes">Number of notes.</param>
/// <param name="NotesPerBeat">See <see cref="Texture.NotesPerBeat"/>.</param>
/// <param name="Polyphony">See <see cref="Texture.Polyphony"/>.</param>
/// <param name="PitchRange">See <see cref="Texture.PitchRange"/>.</param>
/// <param name="Key">The best-correlating key (see <see cref="Tonality.BestKey"/>).</param>
/// <param name="TonalClarity">That key's correlation, −1–1.</param>
/// <param name="MotifRepetition">See <see cref="Evaluation.MotifRepetition.Of"/>.</param>
/// <param name="LongestTopLineRun">See <see cref="TopLine.LongestRun"/>.</param>
public sealed record PieceStatistics(
    int Notes,
    double? NotesPerBeat,
    double? Polyphony,
    int? PitchRange,
    MusicalKey? Key,
    double? TonalClarity,
    double? MotifRepetition,
    int LongestTopLineRun)
{
    /// <summary>Computes every figure of one piece.</summary>
    public static PieceStatistics Of(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var key = Tonality.EstimateKey(notes);
        return new PieceStatistics(
            notes.Count,
            Texture.NotesPerBeat(notes),
            Texture.Polyphony(notes),
            Texture.PitchRange(notes),
            key?.Key,
            key?.Correlation,
            Evaluation.MotifRepetition.Of(notes),
            TopLine.LongestRun(notes));
    }
}
