namespace AiJukebox.Live;

/// <summary>
/// A sink that places each message at its own time (a JACK output writes it at its frame), so the
/// scheduler hands it messages up to <see cref="Lookahead"/> early instead of sleeping and spinning
/// to every deadline. Called from the clock thread only.
/// </summary>
public interface ITimedMidiSink : IMidiSink
{
    /// <summary>How far ahead of its time a message may be handed over; zero: this sink sends now only (the scheduler keeps time itself).</summary>
    TimeSpan Lookahead { get; }

    /// <summary>
    /// Queues <paramref name="message"/> to leave at <paramref name="ticks"/> on the performer's clock
    /// (<see cref="IClock.Now"/>'s ticks). Messages come in time order.
    /// </summary>
    /// <returns>False when the sink's queue is full; the scheduler tries again at its next round.</returns>
    bool TrySendAt(long ticks, ReadOnlySpan<byte> message);

    /// <summary>
    /// Drops what was queued by <see cref="TrySendAt"/> for a time still to come, except note-offs;
    /// those, and what was already due, leave at once (a flush, a panic, a stop).
    /// </summary>
    void CancelScheduled();
}
