using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiJukebox.Live;

/// <summary>
/// Sleeping until an absolute <see cref="Stopwatch"/> time with the kernel's high-resolution
/// timers (Linux <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c>), which wakes within tens
/// of microseconds where <see cref="Thread.Sleep(int)"/> only counts whole milliseconds.
/// Available only where the Stopwatch is that same clock, which is checked, not assumed.
/// </summary>
internal static partial class MonotonicSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const int Interrupted = 4; // EINTR
    private const int PrSetTimerSlack = 29;

    [ThreadStatic]
    private static bool t_tightTimers;

    /// <summary>True where <see cref="Until"/> can be used.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Sleeps until the Stopwatch reads <paramref name="ticks"/> (or a signal interrupts; then it sleeps again).</summary>
    public static void Until(long ticks)
    {
        if (!t_tightTimers)
        {
            // The kernel may delay a sleeper's wakeup by its timer slack (50 µs by default) to
            // batch wakeups; a clock thread wants its deadline, so this thread asks for 1 µs.
            _ = SetTimerSlack(PrSetTimerSlack, 1000, 0, 0, 0);
            t_tightTimers = true;
        }

        var time = new TimeSpec(ticks / 1_000_000_000, ticks % 1_000_000_000);
        while (ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in time, 0) == Interrupted)
        {
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            return false;
        }

        try
        {
            var before = Stopwatch.GetTimestamp();
            if (ClockGetTime(ClockMonotonic, out var now) != 0)
            {
                return false;
            }

            var after = Stopwatch.GetTimestamp();
            var monotonic = (now.Seconds * 1_000_000_000) + now.Nanoseconds;
            return monotonic >= before && monotonic <= after;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, nint remaining);

    // prctl is variadic; passing every argument as a machine word is how the C library expects them.
    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int SetTimerSlack(int option, nuint nanoseconds, nuint unused3, nuint unused4, nuint unused5);

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
