using AiJukebox.Devices.Interop;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// The output's process callback: takes timestamped messages from two lock-free rings (sent now,
/// and scheduled ahead) in time order and writes each with <c>jack_midi_event_write</c> at the
/// frame of its due time plus one period. The period is the constant latency that lets a message
/// sent at any moment of the previous period land on its own frame; it is reported as the port's
/// capture latency. Writing allocates nothing, takes no lock and never waits.
/// </summary>
internal sealed unsafe class JackOutputProcessor : JackProcessor
{
    private readonly SpscRing<JackOutgoingEvent> _now;
    private readonly SpscRing<JackOutgoingEvent> _scheduled;
    private readonly JackCycleClock _cycle;
    private int _epoch;
    private long _cancelledAt;
    private long _failedWrites;
    private long _lateEvents;
    private long _written;
    private long _cycles;
    private long _skew;

    /// <summary>Wall clock minus JACK's cycle-time estimate, as tracked at the last callback (µs).</summary>
    public long Skew => Volatile.Read(ref _skew);

    public JackOutputProcessor(JackClock clock, int nowCapacity, int scheduledCapacity)
    {
        _cycle = new JackCycleClock(clock);
        _now = new SpscRing<JackOutgoingEvent>(nowCapacity);
        _scheduled = new SpscRing<JackOutgoingEvent>(scheduledCapacity);
    }

    /// <summary>Events that did not fit into a period's buffer (lost).</summary>
    public long FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>Events that reached the callback after their frame had passed (written at the cycle's earliest free frame).</summary>
    public long LateEvents => Volatile.Read(ref _lateEvents);

    /// <summary>Events written.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Process cycles completed.</summary>
    public long Cycles => Volatile.Read(ref _cycles);

    /// <summary>Messages queued and not yet written (a snapshot).</summary>
    public int Pending => _now.Count + _scheduled.Count;

    /// <summary>Producer: queues a message due now (its timestamp: now in JACK µs).</summary>
    public bool TryQueueNow(in MidiInputMessage message) => _now.TryWrite(new JackOutgoingEvent(message, 0));

    /// <summary>Producer: queues a message for later; due times must not decrease between cancels.</summary>
    public bool TryQueueScheduled(in MidiInputMessage message) => _scheduled.TryWrite(new JackOutgoingEvent(message, Volatile.Read(ref _epoch)));

    /// <summary>
    /// Producer: what was scheduled before this call for after <paramref name="nowMicroseconds"/> is
    /// dropped, except note-offs; those and what was already due are written at once.
    /// </summary>
    public void CancelScheduled(long nowMicroseconds)
    {
        Volatile.Write(ref _cancelledAt, nowMicroseconds);
        Interlocked.Increment(ref _epoch);
    }

    public override void Process(nint client, nint port, uint frames)
    {
        var buffer = JackNative.jack_port_get_buffer(port, frames);
        JackNative.jack_midi_clear_buffer(buffer);
        _cycle.Update(client, frames);
        Volatile.Write(ref _skew, _cycle.Skew);

        var epoch = Volatile.Read(ref _epoch);
        long earliest = 0; // JACK wants a period's events in time order
        while (true)
        {
            var hasNow = _now.TryPeek(out var immediate);
            var hasScheduled = _scheduled.TryPeek(out var scheduled);
            if (hasScheduled && scheduled.Epoch != epoch)
            {
                if (scheduled.IsNoteOff || scheduled.DueMicroseconds <= Volatile.Read(ref _cancelledAt))
                {
                    Write(buffer, earliest, scheduled.Message);
                }

                _scheduled.TryRead(out _);
                continue;
            }

            if (!hasNow && !hasScheduled)
            {
                break;
            }

            var takeNow = hasNow && (!hasScheduled || immediate.DueMicroseconds <= scheduled.DueMicroseconds);
            var due = takeNow ? immediate.DueMicroseconds : scheduled.DueMicroseconds;

            // The frame of the due time in this cycle's clock, plus the one period of latency.
            // Without this cycle's timing (not seen on a running server), everything waiting is written now.
            var offset = _cycle.Timed ? _cycle.OffsetOf(due) + frames : earliest;
            if (offset >= frames)
            {
                break; // the earliest waiting message belongs to a later cycle, so do all others
            }

            if (offset < 0)
            {
                Volatile.Write(ref _lateEvents, _lateEvents + 1);
            }

            offset = Math.Max(offset, earliest);
            Write(buffer, offset, takeNow ? immediate.Message : scheduled.Message);
            earliest = offset;
            if (takeNow)
            {
                _now.TryRead(out _);
            }
            else
            {
                _scheduled.TryRead(out _);
            }
        }

        Volatile.Write(ref _cycles, _cycles + 1);
    }

    private void Write(void* buffer, long offset, in MidiInputMessage message)
    {
        var bytes = message.Bytes;
        int result;
        fixed (byte* data = bytes)
        {
            result = JackNative.jack_midi_event_write(buffer, (uint)offset, data, (nuint)bytes.Length);
        }

        if (result == 0)
        {
            Volatile.Write(ref _written, _written + 1);
        }
        else
        {
            Volatile.Write(ref _failedWrites, _failedWrites + 1);
        }
    }
}
