using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// One process cycle's timing, for placing events at frames and stamping frames with times: the
/// cycle's start and length from <c>jack_get_cycle_times</c> (JACK's filtered estimate, so the
/// frames follow JACK's own clock rather than when the callback happened to wake), and how far
/// JACK's estimate stands from the wall clock (<c>jack_get_time</c>). On a healthy server that
/// distance is the callback's wake-up delay, tens of microseconds; a dummy server that cannot keep
/// up runs its estimate seconds away from the wall clock. The distance is therefore tracked as
/// about the smallest recent value (a callback never wakes before its cycle starts), falling fast
/// and rising slowly, so the wake-up jitter stays out of the placement. The distance lives in the
/// server's <see cref="JackClock"/>, shared by all our clients of it (their callbacks wake at
/// different moments of a cycle, and an output and an input must agree on what time a frame is);
/// each client's process thread updates it, and a lost update between two of them only delays the
/// estimate by a cycle. An instance is used on one client's process thread only.
/// </summary>
internal sealed unsafe class JackCycleClock(JackClock clock)
{
    private const double Rise = 1.0 / 64; // per cycle, towards a larger distance
    private const double Fall = 1.0 / 4;  // per cycle, towards a smaller one: quickly, but not in steps that would move the frames of one cycle against the next

    /// <summary>Whether this cycle's times are known (always, on a running server).</summary>
    public bool Timed { get; private set; }

    /// <summary>The cycle's start in JACK's estimate (µs).</summary>
    public long CycleStart { get; private set; }

    /// <summary>The cycle's length in JACK's estimate (µs).</summary>
    public long PeriodMicroseconds { get; private set; }

    /// <summary>Frames per microsecond in this cycle.</summary>
    public double FramesPerMicrosecond { get; private set; }

    /// <summary>Wall clock minus JACK's estimate (µs), as tracked.</summary>
    public long Skew => Volatile.Read(ref clock.Skew) is var skew && double.IsNaN(skew) ? 0 : (long)skew;

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
        var skew = (double)((long)JackNative.jack_get_time() - CycleStart);
        var tracked = Volatile.Read(ref clock.Skew);
        Volatile.Write(ref clock.Skew, double.IsNaN(tracked) ? skew : tracked + ((skew - tracked) * (skew < tracked ? Fall : Rise)));
    }

    /// <summary>The frame offset in this cycle (may be outside it) of a wall-clock time (µs).</summary>
    public long OffsetOf(long wallMicroseconds) => (long)Math.Round((wallMicroseconds - Skew - CycleStart) * FramesPerMicrosecond);

    /// <summary>The wall-clock time (µs) of a frame offset in this cycle.</summary>
    public long WallTimeOf(uint offset) => CycleStart + (long)Math.Round(offset / FramesPerMicrosecond) + Skew;
}
