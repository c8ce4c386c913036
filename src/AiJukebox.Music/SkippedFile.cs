namespace AiJukebox.Music;

/// <summary>A file an import left out, and why.</summary>
/// <param name="Path">The file's path as the user gave it (input folder joined with the relative path).</param>
/// <param name="Reason">What is wrong, in a few words.</param>
public sealed record SkippedFile(string Path, string Reason)
{
    /// <summary>The report line: <c>path: reason</c>.</summary>
    public override string ToString() => $"{Path}: {Reason}";
}
