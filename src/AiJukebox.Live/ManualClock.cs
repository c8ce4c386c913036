namespace AiJukebox.Live;

/// <summary>
/// A clock that moves only when told (tests, offline rendering): waiting jumps straight to the
/// deadline, so code written for real time runs deterministically and instantly.
/// </summary>
public sealed class ManualClock(long frequency = 1_000_000) : IClock
{
    private long _now;

    /// <inheritdoc/>
    public long Frequency { get; } = frequency;

    /// <inheritdoc/>
    public long Now => Volatile.Read(ref _now);

    /// <summary>Moves time forward by <paramref name="ticks"/>.</summary>
    public void Advance(long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        Interlocked.Add(ref _now, ticks);
    }

    /// <summary>Moves time forward by <paramref name="seconds"/>.</summary>
    public void AdvanceSeconds(double seconds) => Advance((long)Math.Round(seconds * Frequency));

    /// <summary>Sets the time (never backwards).</summary>
    public void Set(long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, Now);
        Volatile.Write(ref _now, ticks);
    }

    /// <inheritdoc/>
    public void WaitUntil(long deadline)
    {
        if (deadline > Now)
        {
            Volatile.Write(ref _now, deadline);
        }
    }

    /// <inheritdoc/>
    public void Sleep(int milliseconds) => Advance(milliseconds * Frequency / 1000);
}
