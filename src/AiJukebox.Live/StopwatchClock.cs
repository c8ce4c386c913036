using System.Diagnostics;

namespace AiJukebox.Live;

/// <summary>
/// Wall-clock time from <see cref="Stopwatch"/>. <see cref="WaitUntil"/> sleeps on the kernel's
/// high-resolution timer to <see cref="SpinMicroseconds"/> before the deadline and spins the
/// rest, so a message leaves within tens of microseconds of its time while the processor stays
/// free for the audio server; where that timer is not available (not Linux) it sleeps until
/// about <see cref="FallbackSpinMilliseconds"/> before (the OS wakes a sleeper up to a
/// millisecond late) and spins from there.
/// </summary>
public sealed class StopwatchClock : IClock
{
    /// <summary>With the high-resolution timer: how long before a deadline the sleep ends and the spin starts.</summary>
    public const int SpinMicroseconds = 30;

    /// <summary>Without it: how long before a deadline the clock stops sleeping and spins.</summary>
    public const double FallbackSpinMilliseconds = 1.0;

    private readonly long _spinTicks = (long)(Stopwatch.Frequency * FallbackSpinMilliseconds / 1000);
    private readonly long _preciseSpinTicks = Stopwatch.Frequency * SpinMicroseconds / 1_000_000;

    /// <inheritdoc/>
    public long Frequency => Stopwatch.Frequency;

    /// <inheritdoc/>
    public long Now => Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public void WaitUntil(long deadline)
    {
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (MonotonicSleep.IsAvailable)
        {
            if (remaining > _preciseSpinTicks)
            {
                MonotonicSleep.Until(deadline - _preciseSpinTicks);
            }
        }
        else if (remaining > _spinTicks)
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
