namespace AiJukebox.Music;

/// <summary>A notes file that cannot be used; the message names the file and what to do.</summary>
public sealed class NotesFileException(string message, Exception? inner = null) : Exception(message, inner);
