namespace AiJukebox.Music;

/// <summary>A MIDI file as read by <see cref="MidiFileImporter"/>.</summary>
/// <param name="Format">SMF format 0, 1 or 2.</param>
/// <param name="Division">The time division in words ("480 ticks per quarter note" or the SMPTE rate).</param>
/// <param name="Tracks">Per-track summary, in file order.</param>
/// <param name="Pieces">One piece (all tracks merged, or the chosen track); one per track with notes for format 2.</param>
public sealed record ImportedMidiFile(int Format, string Division, IReadOnlyList<MidiTrackInfo> Tracks, IReadOnlyList<ImportedPiece> Pieces)
{
    /// <summary>The faults that were recovered while reading (a wrong chunk length, a missing end-of-track, ...), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
