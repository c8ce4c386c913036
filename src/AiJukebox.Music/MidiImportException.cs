namespace AiJukebox.Music;

/// <summary>A MIDI file that cannot be imported; the message is the reason, without the path.</summary>
public sealed class MidiImportException(string reason, Exception? inner = null) : Exception(reason, inner);
