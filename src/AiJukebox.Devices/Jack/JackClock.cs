using System.Diagnostics;

using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Jack;

/// <summary>
/// Converts between <see cref="Stopwatch"/> ticks (the performer's clock) and JACK's microsecond
/// clock (<c>jack_get_time</c>). On Linux both read CLOCK_MONOTONIC, so the offset measured here is
/// about zero; it is measured rather than assumed, so another JACK clock source still converts right.
/// One per server in this process (<see cref="For"/>): it also holds that server's distance between
/// its cycle-time estimate and the wall clock (<see cref="JackCycleClock"/>), which every one of our
/// clients of the server shares, so an output and an input agree on what time a frame is.
/// </summary>
internal sealed class JackClock
{
    private static readonly Dictionary<string, JackClock> Servers = [];

    private readonly double _microsecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private readonly double _ticksPerMicrosecond = Stopwatch.Frequency / 1_000_000.0;

    private JackClock(long offsetMicroseconds) => OffsetMicroseconds = offsetMicroseconds;

    // The offset of JACK's cycle-time estimate to the wall clock (µs), as JackCycleClock takes
    // it; written by our clients' process threads, once per cycle.
    internal long Skew;
    internal long SkewCycle = -1;
    internal long SkewWindowStart;
    internal long SkewWindowMin = long.MaxValue;
    internal long SkewRetakes;

    /// <summary>The clock of the server this process's new clients connect to (JACK_DEFAULT_SERVER), measured on first use.</summary>
    public static JackClock For(string? server)
    {
        lock (Servers)
        {
            var key = server ?? "";
            if (!Servers.TryGetValue(key, out var clock))
            {
                clock = Measure();
                Servers[key] = clock;
            }

            return clock;
        }
    }

    /// <summary>JACK time minus Stopwatch time, in microseconds.</summary>
    public long OffsetMicroseconds { get; }

    /// <summary>Measures the offset: the narrowest of a few Stopwatch readings bracketing <c>jack_get_time</c>.</summary>
    private static JackClock Measure()
    {
        var best = long.MaxValue;
        long offset = 0;
        var microsecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;
        for (var i = 0; i < 16; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var jack = (long)JackNative.jack_get_time();
            var after = Stopwatch.GetTimestamp();
            if (after - before < best)
            {
                best = after - before;
                offset = jack - (long)((before + ((after - before) / 2)) * microsecondsPerTick);
            }
        }

        return new JackClock(offset);
    }

    /// <summary>The JACK time of a Stopwatch timestamp.</summary>
    public long ToJack(long stopwatchTicks) => (long)(stopwatchTicks * _microsecondsPerTick) + OffsetMicroseconds;

    /// <summary>The Stopwatch timestamp of a JACK time.</summary>
    public long ToStopwatch(long jackMicroseconds) => (long)((jackMicroseconds - OffsetMicroseconds) * _ticksPerMicrosecond);
}
