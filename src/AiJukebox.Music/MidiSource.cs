namespace AiJukebox.Music;

/// <summary>A MIDI file found for import.</summary>
/// <param name="FullPath">Absolute path, to open it.</param>
/// <param name="RelativePath">Path relative to its input folder with '/' separators (the file name for a file given directly).</param>
/// <param name="DisplayPath">The path as the user would write it, for messages.</param>
public sealed record MidiSource(string FullPath, string RelativePath, string DisplayPath);
