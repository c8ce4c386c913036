using AiJukebox.Devices;
using AiJukebox.Live;

using LiveMessage = AiJukebox.Live.MidiInputMessage;

namespace AiJukebox.Playing;

/// <summary>
/// The player's port as the performer's input: RtMidi's callback already queues messages
/// lock-free with <see cref="System.Diagnostics.Stopwatch"/> timestamps, the clock the performer
/// runs on; this drains that queue, keeping the channel messages.
/// </summary>
internal sealed class PortInput(MidiInputPort port) : IMidiInput
{
    public bool TryRead(out LiveMessage message)
    {
        while (port.TryRead(out var received))
        {
            var bytes = received.Bytes;
            if (bytes.Length is >= 1 and <= 3 && bytes[0] is >= 0x80 and < 0xF0)
            {
                message = new LiveMessage(
                    received.Timestamp,
                    bytes[0],
                    bytes.Length > 1 ? bytes[1] : (byte)0,
                    bytes.Length > 2 ? bytes[2] : (byte)0,
                    (byte)bytes.Length);
                return true;
            }
        }

        message = default;
        return false;
    }
}
