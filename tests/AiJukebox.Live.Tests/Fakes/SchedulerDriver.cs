namespace AiJukebox.Live.Tests.Fakes;

/// <summary>Drives a scheduler on a manual clock as a perfect clock thread would: pump, then jump to the time it asked for.</summary>
internal static class SchedulerDriver
{
    /// <summary>Pumps until <paramref name="seconds"/> on <paramref name="clock"/>, ending with a pump at that time.</summary>
    public static void RunUntil(Scheduler scheduler, ManualClock clock, double seconds)
    {
        var end = (long)(seconds * clock.Frequency);
        while (true)
        {
            var next = scheduler.Pump();
            if (next > end)
            {
                clock.Set(Math.Max(clock.Now, end));
                scheduler.Pump();
                return;
            }

            clock.Set(Math.Max(clock.Now, next));
        }
    }
}
