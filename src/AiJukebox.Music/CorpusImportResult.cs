namespace AiJukebox.Music;

/// <summary>The outcome of an import.</summary>
/// <param name="Notes">The notes file, or null when no piece could be imported.</param>
/// <param name="FilesFound">MIDI files found under the inputs.</param>
/// <param name="FilesImported">Files that gave at least one piece.</param>
/// <param name="Skipped">Files (or inputs) left out, in path order, with reasons.</param>
/// <param name="FilesWithBeatAnnotations">Imported files whose bars came from a beat annotation file.</param>
public sealed record CorpusImportResult(NotesFile? Notes, int FilesFound, int FilesImported, IReadOnlyList<SkippedFile> Skipped, int FilesWithBeatAnnotations = 0)
{
    /// <summary>Faults recovered in imported files (a wrong chunk length, a missing end-of-track, ...), in path order.</summary>
    public IReadOnlyList<ImportWarning> Warnings { get; init; } = [];
}
