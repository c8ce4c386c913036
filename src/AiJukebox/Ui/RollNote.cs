namespace AiJukebox.Ui;

/// <summary>A note on the piano roll: Stopwatch timestamps; <see cref="End"/> is null while it sounds.</summary>
internal sealed record RollNote(byte Pitch, bool Player, long Start, long? End);
