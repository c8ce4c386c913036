using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// One process cycle's timing, for placing events at frames and stamping frames with times: the
/// cycle's start and length from <c>jack_get_cycle_times</c>, JACK's own filtered clock, so events
/// land exactly on the frames JACK's clock gives their times, whenever the callback happened to
/// wake. That clock is the wall clock (<c>jack_get_time</c>) on a healthy server. A dummy server
/// that cannot keep up can run its estimate ahead of the wall clock (seconds, after many xruns),
/// and then every event would find its frame already gone: when a callback wakes more than 80 ms
/// before its cycle's estimated start (impossible on a sane clock; less is absorbed by the
/// output's lookahead), the offset between the two is taken and events are placed by the wall
/// clock moved by it; it is taken again when the estimate moves further, and given up (back
/// towards zero) when every wake-up of half a second was more than 80 ms later than it allows. The offset lives in the server's
/// <see cref="JackClock"/>, shared by all our clients of it (an output and an input must agree on
/// what time a frame is), updated once per cycle by whichever of them runs first. An instance is
/// used on one client's process thread only.
/// </summary>
internal sealed unsafe class JackCycleClock(JackClock clock)
{
    /// <summary>
    /// How far JACK's estimate may run ahead of the wall clock before the offset is taken: below the
    /// output's 100 ms lookahead (<see cref="JackMidiOutputPort.Ahead"/>), a message is in the queue
    /// before its frame's cycle even so, and lands on its exact frame.
    /// </summary>
    private const long ToleranceMicroseconds = 80_000;

    /// <summary>Whether this cycle's times are known (always, on a running server).</summary>
    public bool Timed { get; private set; }

    /// <summary>The cycle's start in JACK's estimate (µs).</summary>
    public long CycleStart { get; private set; }

    /// <summary>The cycle's length in JACK's estimate (µs).</summary>
    public long PeriodMicroseconds { get; private set; }

    /// <summary>Frames per microsecond in this cycle.</summary>
    public double FramesPerMicrosecond { get; private set; }

    /// <summary>Wall clock minus JACK's estimate (µs), as taken: 0 on a sane server.</summary>
    public long Skew => Volatile.Read(ref clock.Skew);

    /// <summary>Reads this cycle's times (one <c>jack_get_cycle_times</c> and one <c>jack_get_time</c>).</summary>
    public void Update(nint client, uint frames)
    {
        uint currentFrames;
        ulong currentMicroseconds, nextMicroseconds;
        float periodMicroseconds;
        Timed = JackNative.jack_get_cycle_times(client, &currentFrames, &currentMicroseconds, &nextMicroseconds, &periodMicroseconds) == 0
            && nextMicroseconds > currentMicroseconds;
        if (!Timed)
        {
            return;
        }

        CycleStart = (long)currentMicroseconds;
        PeriodMicroseconds = (long)(nextMicroseconds - currentMicroseconds);
        FramesPerMicrosecond = frames / (double)PeriodMicroseconds;
        // Once per cycle, by whichever of our clients runs first: the others of the same cycle
        // must place and stamp with the same value.
        if (Volatile.Read(ref clock.SkewCycle) == CycleStart)
        {
            return;
        }

        Volatile.Write(ref clock.SkewCycle, CycleStart);
        var wake = (long)JackNative.jack_get_time() - CycleStart;
        if (wake < clock.Skew - ToleranceMicroseconds)
        {
            Retake(wake);
            return;
        }

        clock.SkewWindowMin = Math.Min(clock.SkewWindowMin, wake);
        if (CycleStart - clock.SkewWindowStart >= 500_000)
        {
            if (clock.Skew < 0 && clock.SkewWindowMin > clock.Skew + ToleranceMicroseconds)
            {
                Volatile.Write(ref clock.Skew, Math.Min(0, clock.SkewWindowMin));
                Volatile.Write(ref clock.SkewRetakes, clock.SkewRetakes + 1);
            }

            clock.SkewWindowMin = long.MaxValue;
            clock.SkewWindowStart = CycleStart;
        }
    }

    /// <summary>The frame offset in this cycle (may be outside it) of a wall-clock time (µs).</summary>
    public long OffsetOf(long wallMicroseconds) => (long)Math.Round((wallMicroseconds - Skew - CycleStart) * FramesPerMicrosecond);

    /// <summary>The wall-clock time (µs) of a frame offset in this cycle.</summary>
    public long WallTimeOf(uint offset) => CycleStart + (long)Math.Round(offset / FramesPerMicrosecond) + Skew;

    private void Retake(long wake)
    {
        Volatile.Write(ref clock.Skew, wake);
        Volatile.Write(ref clock.SkewRetakes, clock.SkewRetakes + 1);
        clock.SkewWindowMin = long.MaxValue;
        clock.SkewWindowStart = CycleStart;
    }
}
