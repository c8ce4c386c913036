namespace AiJukebox.Music.Realtime;

/// <summary>Timestamped MIDI messages waiting for one consumer thread (the live performer's clock thread).</summary>
public interface IMidiInput
{
    /// <summary>Takes the oldest waiting message, if any. Must not block or allocate.</summary>
    bool TryRead(out MidiInputMessage message);
}
