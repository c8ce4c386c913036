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
        MoveTo(ticks);
    }

    /// <inheritdoc/>
    public void WaitUntil(long deadline) => MoveTo(deadline);

    // Several threads may wait on one manual clock: time only ever moves forward.
    private void MoveTo(long ticks)
    {
        long current;
        while ((current = Volatile.Read(ref _now)) < ticks && Interlocked.CompareExchange(ref _now, ticks, current) != current)
        {
        }
    }

    /// <inheritdoc/>
    public void Sleep(int milliseconds) => Advance(milliseconds * Frequency / 1000);
}
