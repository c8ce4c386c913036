namespace AiJukebox.Live;

/// <summary>The performer's monotonic time source and its way of waiting.</summary>
public interface IClock
{
    /// <summary>Ticks per second.</summary>
    long Frequency { get; }

    /// <summary>Current time in ticks (monotonic).</summary>
    long Now { get; }

    /// <summary>Returns at (or as soon as possible after) <paramref name="deadline"/>: sleeps until shortly before, then spins.</summary>
    void WaitUntil(long deadline);

    /// <summary>Gives up the processor for about <paramref name="milliseconds"/> (coarse; for polling).</summary>
    void Sleep(int milliseconds);
}
