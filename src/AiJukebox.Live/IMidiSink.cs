namespace AiJukebox.Live;

/// <summary>Where the performer's MIDI messages go (an output port, a recorder in tests).</summary>
/// <remarks>Called from the real-time clock thread only: an implementation must not block, and should not allocate.</remarks>
public interface IMidiSink
{
    /// <summary>Sends one complete MIDI message now.</summary>
    void Send(ReadOnlySpan<byte> message);
}
