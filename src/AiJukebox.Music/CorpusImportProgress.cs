namespace AiJukebox.Music;

/// <summary>How far an import has come.</summary>
/// <param name="Done">Files read so far.</param>
/// <param name="Total">Files to read.</param>
public readonly record struct CorpusImportProgress(int Done, int Total);
