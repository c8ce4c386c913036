namespace AiJukebox.Live;

/// <summary>A composed channel message waiting for its beat (generator → clock thread).</summary>
internal readonly record struct ScheduledMessage(double Beat, byte Status, byte Data1, byte Data2);
