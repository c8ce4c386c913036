namespace AiJukebox.Music;

/// <summary>A named track of notes for writing a type-1 MIDI file.</summary>
/// <param name="Name">Track name (meta event 0x03).</param>
/// <param name="Channel">Channel 0–15 used for the track's notes (overrides <see cref="Note.Channel"/>).</param>
/// <param name="Program">General MIDI program 0–127 sent at the start, or null for none.</param>
/// <param name="Notes">The notes; need not be sorted.</param>
public sealed record MidiTrackNotes(string Name, int Channel, int? Program, IReadOnlyList<Note> Notes);
