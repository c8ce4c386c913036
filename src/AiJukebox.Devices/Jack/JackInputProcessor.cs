using AiJukebox.Devices.Interop;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// The input's process callback: reads the period's events and queues each, stamped with the time
/// its frame stands for (from the cycle's times, not from when the callback happened to run)
/// minus the one period every JACK source needs to place an event (ours included: a message our
/// output placed for time T comes back stamped T). Allocates nothing, takes no lock, never waits.
/// </summary>
internal sealed unsafe class JackInputProcessor : JackProcessor
{
    private readonly MidiInputQueue _queue;
    private readonly JackClock _clock;
    private readonly JackCycleClock _cycle;
    private readonly bool _sysex;
    private readonly bool _timing;
    private readonly bool _activeSensing;
    private long _lost;

    public JackInputProcessor(MidiInputQueue queue, JackClock clock, MidiInputOptions options)
    {
        _queue = queue;
        _clock = clock;
        _cycle = new JackCycleClock(clock);
        _sysex = options.ReceiveSysex;
        _timing = options.ReceiveClock;
        _activeSensing = options.ReceiveActiveSensing;
    }

    /// <summary>Events JACK reports it could not deliver to this port (<c>jack_midi_get_lost_event_count</c>).</summary>
    public long Lost => Volatile.Read(ref _lost);

    public override void Process(nint client, nint port, uint frames)
    {
        var buffer = JackNative.jack_port_get_buffer(port, frames);
        var lost = JackNative.jack_midi_get_lost_event_count(buffer);
        if (lost != 0)
        {
            Volatile.Write(ref _lost, _lost + lost);
        }

        // Every cycle, so the clock's distance to the wall clock is tracked while nothing arrives.
        _cycle.Update(client, frames);
        var count = JackNative.jack_midi_get_event_count(buffer);
        if (count == 0)
        {
            return;
        }

        var now = (long)JackNative.jack_get_time();
        JackNative.MidiEvent e;
        for (uint i = 0; i < count; i++)
        {
            if (JackNative.jack_midi_event_get(&e, buffer, i) != 0 || e.Size == 0 || !Wanted(e.Buffer[0]))
            {
                continue;
            }

            var at = _cycle.Timed ? _cycle.WallTimeOf(e.Time) - _cycle.PeriodMicroseconds : now;
            _queue.Post(_clock.ToStopwatch(at), new ReadOnlySpan<byte>(e.Buffer, (int)Math.Min(e.Size, int.MaxValue)));
        }
    }

    // What RtMidi's ignore flags filter, so both backends deliver the same kinds.
    private bool Wanted(byte status) => status switch
    {
        0xF0 => _sysex,
        0xF1 or 0xF8 => _timing,
        0xFE => _activeSensing,
        _ => true,
    };
}
