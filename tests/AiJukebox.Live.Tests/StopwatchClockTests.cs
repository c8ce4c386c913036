using System.Globalization;

namespace AiJukebox.Live.Tests;

/// <summary>The real clock: never early, and on Linux it sleeps on the kernel's timer instead of spinning.</summary>
public sealed class StopwatchClockTests
{
    [Fact]
    public void WaitUntil_ManyShortDeadlines_NeverReturnsEarly()
    {
        var clock = new StopwatchClock();
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var deadline = clock.Now + (long)(clock.Frequency * (0.0001 + (random.NextDouble() * 0.003)));

            clock.WaitUntil(deadline);

            Assert.True(clock.Now >= deadline, $"returned {(deadline - clock.Now) * 1e6 / clock.Frequency:F0} µs early");
        }
    }

    [Fact]
    public void PreciseSleep_OnLinux_IsAvailableAndIsTheStopwatchsClock()
    {
        Assert.Equal(OperatingSystem.IsLinux(), MonotonicSleep.IsAvailable);
    }

    [Fact]
    public void WaitUntil_AHundredMilliseconds_SleepsRatherThanSpins()
    {
        if (!File.Exists("/proc/thread-self/schedstat"))
        {
            return; // Not Linux: the fallback sleeps too, but there is no per-thread CPU figure to read.
        }

        var clock = new StopwatchClock();
        clock.WaitUntil(clock.Now + (clock.Frequency / 100)); // warm up the call path

        var cpuBefore = ThreadCpuNanoseconds();
        clock.WaitUntil(clock.Now + (clock.Frequency / 10));
        var cpu = ThreadCpuNanoseconds() - cpuBefore;

        // Spinning would burn close to 100 ms of this thread's processor time.
        Assert.True(cpu < 20_000_000, $"the wait used {cpu / 1e6:F1} ms of processor time");
    }

    private static long ThreadCpuNanoseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
}
