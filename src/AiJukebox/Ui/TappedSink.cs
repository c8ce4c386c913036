using AiJukebox.Live;

namespace AiJukebox.Ui;

/// <summary>
/// The performer's output, with every note also shown on the piano roll (clock thread; no
/// allocation). It schedules when the sink it wraps does; a scheduled note shows when it is handed
/// over, at most the sink's lookahead (100 ms) early.
/// </summary>
internal sealed class TappedSink(IMidiSink inner, NoteTap tap) : ITimedMidiSink
{
    public TimeSpan Lookahead => inner is ITimedMidiSink timed ? timed.Lookahead : TimeSpan.Zero;

    public void Send(ReadOnlySpan<byte> message)
    {
        inner.Send(message);
        tap.Observe(message, player: false);
    }

    public bool TrySendAt(long ticks, ReadOnlySpan<byte> message)
    {
        if (inner is not ITimedMidiSink timed || !timed.TrySendAt(ticks, message))
        {
            return false;
        }

        tap.Observe(message, player: false);
        return true;
    }

    public void CancelScheduled() => (inner as ITimedMidiSink)?.CancelScheduled();
}
