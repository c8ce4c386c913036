namespace AiJukebox.Ui;

/// <summary>A note starting or ending, as sent (jukebox) or received (player), at a Stopwatch timestamp.</summary>
internal readonly record struct TapEvent(long Ticks, byte Pitch, bool On, bool Player);
