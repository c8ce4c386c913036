namespace AiJukebox.Music;

/// <summary>One source piece in a notes file.</summary>
/// <param name="Path">Path relative to the import root, with '/' separators (a format-2 track adds "#track N").</param>
/// <param name="Sha256">Hex SHA-256 of the source file's bytes.</param>
/// <param name="Tokens">The piece's token ids.</param>
public sealed record NotesFilePiece(string Path, string Sha256, int[] Tokens);
