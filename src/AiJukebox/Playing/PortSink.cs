using AiJukebox.Devices;
using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>The performer's output through an RtMidi port (called from the clock thread only).</summary>
internal sealed class PortSink(MidiOutputPort port) : IMidiSink
{
    public void Send(ReadOnlySpan<byte> message) => port.Send(message);
}
