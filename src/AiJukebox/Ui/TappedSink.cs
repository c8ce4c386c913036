using AiJukebox.Live;

namespace AiJukebox.Ui;

/// <summary>The performer's output, with every note also shown on the piano roll (clock thread; no allocation).</summary>
internal sealed class TappedSink(IMidiSink inner, NoteTap tap) : IMidiSink
{
    public void Send(ReadOnlySpan<byte> message)
    {
        inner.Send(message);
        tap.Observe(message, player: false);
    }
}
