namespace AiJukebox.Music;

/// <summary>What one track of a MIDI file holds, for summaries.</summary>
/// <param name="Index">0-based track number.</param>
/// <param name="Name">The track name meta event, or empty.</param>
/// <param name="NoteCount">Note-ons (velocity above 0) in the track, drums included.</param>
/// <param name="Channels">The channels (0–15) the track's notes use, ascending.</param>
public sealed record MidiTrackInfo(int Index, string Name, int NoteCount, IReadOnlyList<int> Channels);
