namespace AiJukebox.Music;

/// <summary>The notes of one piece read from a MIDI file, in beats.</summary>
/// <param name="Track">The track the notes come from (format 2, or a chosen track); null when all tracks were merged.</param>
/// <param name="Notes">Notes sorted by onset, then pitch.</param>
/// <param name="Tempos">The tempo map (at least one entry, at beat 0).</param>
/// <param name="TimeSignatures">Time signature changes (may be empty).</param>
/// <param name="LengthBeats">Beat of the last event of the piece (end of track included).</param>
public sealed record ImportedPiece(
    int? Track,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<TempoChange> Tempos,
    IReadOnlyList<TimeSignatureChange> TimeSignatures,
    double LengthBeats);
