namespace AiJukebox.Live;

/// <summary>A channel message of one to three bytes as it arrived from the player.</summary>
/// <param name="Ticks">Arrival time on the performer's <see cref="IClock"/>.</param>
/// <param name="Status">Status byte (0x80–0xEF).</param>
/// <param name="Data1">First data byte (0 when absent).</param>
/// <param name="Data2">Second data byte (0 when absent).</param>
/// <param name="Length">Number of bytes in the message (1–3).</param>
public readonly record struct MidiInputMessage(long Ticks, byte Status, byte Data1, byte Data2, byte Length = 3);
