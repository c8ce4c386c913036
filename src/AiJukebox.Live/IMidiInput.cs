namespace AiJukebox.Live;

/// <summary>The player's MIDI messages, timestamped on arrival, drained by the clock thread.</summary>
public interface IMidiInput
{
    /// <summary>Takes the oldest waiting message, if any. Must not block or allocate.</summary>
    bool TryRead(out MidiInputMessage message);
}
