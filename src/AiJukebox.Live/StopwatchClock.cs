using System.Diagnostics;

namespace AiJukebox.Live;

/// <summary>
/// Wall-clock time from <see cref="Stopwatch"/>. <see cref="WaitUntil"/> sleeps until about
/// <see cref="SpinMilliseconds"/> before the deadline (the OS wakes a sleeper up to a
/// millisecond late), then spins, so messages leave within microseconds of their time.
/// </summary>
public sealed class StopwatchClock : IClock
{
    /// <summary>How long before a deadline the clock stops sleeping and spins.</summary>
    public const double SpinMilliseconds = 1.0;

    private readonly long _spinTicks = (long)(Stopwatch.Frequency * SpinMilliseconds / 1000);

    /// <inheritdoc/>
    public long Frequency => Stopwatch.Frequency;

    /// <inheritdoc/>
    public long Now => Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public void WaitUntil(long deadline)
    {
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining > _spinTicks)
        {
            var sleepMs = (int)((remaining - _spinTicks) * 1000 / Stopwatch.Frequency);
            if (sleepMs > 0)
            {
                Thread.Sleep(sleepMs);
            }
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(20);
        }
    }

    /// <inheritdoc/>
    public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
}
