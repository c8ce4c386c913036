using AiJukebox.Devices;
using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>
/// The performer's output through a MIDI port (called from the clock thread only). A port that
/// schedules (AI Jukebox's JACK client) takes messages ahead of time and places each at its frame;
/// the performer's clock is the <see cref="System.Diagnostics.Stopwatch"/>, whose ticks the port expects.
/// </summary>
internal sealed class PortSink(MidiOutputPort port) : ITimedMidiSink
{
    public TimeSpan Lookahead => port.ScheduleAhead;

    public void Send(ReadOnlySpan<byte> message) => port.Send(message);

    public bool TrySendAt(long ticks, ReadOnlySpan<byte> message) => port.TrySendAt(ticks, message);

    public void CancelScheduled() => port.CancelScheduled();
}
