namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// Drives a performer on a manual clock on the test thread: each step does the generator's and
/// the clock's work, then time jumps to the next message's deadline (or one millisecond), as a
/// perfect clock thread would.
/// </summary>
internal static class ManualRun
{
    /// <summary>Runs until the clock reads <paramref name="seconds"/>.</summary>
    public static void Until(Performer performer, ManualClock clock, double seconds)
    {
        var end = (long)Math.Round(seconds * clock.Frequency);
        while (clock.Now < end)
        {
            var next = performer.Step();
            clock.Set(Math.Min(end, Math.Max(clock.Now + 1, Math.Min(next, clock.Now + (clock.Frequency / 1000)))));
        }

        performer.Step();
    }
}
