namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The statistics of a set of pieces (the corpus's validation pieces, or a model's takes):
/// each per-piece figure averaged over the pieces where it is defined (null when it is defined
/// for none), and the pooled histograms that <see cref="OverlapWith"/> compares.
/// </summary>
/// <param name="Pieces">Number of pieces.</param>
/// <param name="Notes">Notes over all pieces.</param>
/// <param name="NotesPerBeat">Mean note density, notes per beat.</param>
/// <param name="Polyphony">Mean notes sounding at each distinct onset.</param>
/// <param name="PitchRange">Mean of each piece's highest − lowest pitch, in semitones.</param>
/// <param name="TonalClarity">Mean best Krumhansl–Kessler correlation.</param>
/// <param name="MotifRepetition">Mean share of repeated 6-interval top-line windows.</param>
/// <param name="LongestTopLineRun">Mean of each piece's longest run of one repeated top-line pitch, in onsets.</param>
/// <param name="LongestTopLineRunMax">The longest such run in any piece.</param>
/// <param name="Histograms">The five pooled histograms.</param>
/// <param name="PerPiece">Each piece's figures, in order.</param>
public sealed record SetStatistics(
    int Pieces,
    long Notes,
    double? NotesPerBeat,
    double? Polyphony,
    double? PitchRange,
    double? TonalClarity,
    double? MotifRepetition,
    double? LongestTopLineRun,
    int LongestTopLineRunMax,
    NoteHistograms Histograms,
    IReadOnlyList<PieceStatistics> PerPiece)
{
    /// <summary>Computes the statistics of a set of pieces (each a list of notes).</summary>
    public static SetStatistics Of(IReadOnlyList<IReadOnlyList<Note>> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var perPiece = pieces.Select(PieceStatistics.Of).ToArray();
        return new SetStatistics(
            pieces.Count,
            perPiece.Sum(p => (long)p.Notes),
            Mean(perPiece.Select(p => p.NotesPerBeat)),
            Mean(perPiece.Select(p => p.Polyphony)),
            Mean(perPiece.Select(p => (double?)p.PitchRange)),
            Mean(perPiece.Select(p => p.TonalClarity)),
            Mean(perPiece.Select(p => p.MotifRepetition)),
            Mean(perPiece.Where(p => p.Notes > 0).Select(p => (double?)p.LongestTopLineRun)),
            perPiece.Length == 0 ? 0 : perPiece.Max(p => p.LongestTopLineRun),
            NoteHistograms.Of(pieces),
            perPiece);
    }

    /// <summary>The histogram overlaps of this set with a reference set (the corpus).</summary>
    public HistogramOverlaps OverlapWith(SetStatistics reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Histograms.OverlapWith(reference.Histograms);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}
