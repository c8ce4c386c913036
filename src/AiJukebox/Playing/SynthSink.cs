using AiJukebox.Devices;
using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>The performer's output through the built-in synth (called from the clock thread only).</summary>
internal sealed class SynthSink(FluidSynthOutput synth) : IMidiSink
{
    public void Send(ReadOnlySpan<byte> message) => synth.Send(message);
}
