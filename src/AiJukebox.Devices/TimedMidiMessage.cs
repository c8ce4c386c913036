namespace AiJukebox.Devices;

/// <summary>A short MIDI message at a time in seconds from the start of a piece.</summary>
/// <param name="Seconds">When it plays.</param>
/// <param name="Status">The status byte (channel messages: 0x80-0xEF).</param>
/// <param name="Data1">The first data byte.</param>
/// <param name="Data2">The second data byte (0 where the message has one).</param>
public readonly record struct TimedMidiMessage(double Seconds, byte Status, byte Data1, byte Data2);
