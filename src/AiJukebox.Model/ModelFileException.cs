namespace AiJukebox.Model;

/// <summary>A weights file, model card or checkpoint that cannot be used; the message names the files and what to do.</summary>
public sealed class ModelFileException(string message, Exception? inner = null) : Exception(message, inner);
