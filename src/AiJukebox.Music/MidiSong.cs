namespace AiJukebox.Music;

/// <summary>What a type-1 MIDI file is written from: a tempo map and named note tracks.</summary>
/// <param name="Tempos">Tempo changes (the first at beat 0); empty means 120 BPM.</param>
/// <param name="Tracks">Note tracks, one MIDI track each after the tempo track.</param>
/// <param name="TicksPerQuarter">Time division of the file.</param>
public sealed record MidiSong(IReadOnlyList<TempoChange> Tempos, IReadOnlyList<MidiTrackNotes> Tracks, int TicksPerQuarter = 480);
