namespace AiJukebox.Music;

/// <summary>A fault an import recovered from in one file (the file was imported).</summary>
/// <param name="Path">The file's path as the user gave it.</param>
/// <param name="Message">What was wrong and how it was read.</param>
public sealed record ImportWarning(string Path, string Message)
{
    /// <summary>The report line: <c>path: warning: message</c>.</summary>
    public override string ToString() => $"{Path}: warning: {Message}";
}
