namespace AiJukebox.Live;

/// <summary>What happened on the clock thread, in beat time (clock → performer thread: recording, listening).</summary>
internal readonly record struct LiveEvent(LiveEventKind Kind, double Beat, byte Status, byte Data1, byte Data2, double Bpm = 0);
