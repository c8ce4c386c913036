namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A sink that schedules, like a JACK output: records each message handed over with the clock
/// time it was handed over at and the time it is due; <see cref="CancelScheduled"/> drops the
/// messages not yet due except note-offs, as the JACK output does.
/// </summary>
internal sealed class TimedRecordingSink(IClock clock, TimeSpan lookahead) : ITimedMidiSink
{
    public List<(long HandedAt, long Due, byte[] Bytes)> Scheduled { get; } = [];

    public List<SentMessage> Immediate { get; } = [];

    public int Cancels { get; private set; }

    /// <summary>Refuse this many of the next <see cref="TrySendAt"/> calls (a full ring).</summary>
    public int RefuseNext { get; set; }

    public TimeSpan Lookahead => lookahead;

    public void Send(ReadOnlySpan<byte> message) => Immediate.Add(new SentMessage(clock.Now, message.ToArray()));

    public bool TrySendAt(long ticks, ReadOnlySpan<byte> message)
    {
        if (RefuseNext > 0)
        {
            RefuseNext--;
            return false;
        }

        Scheduled.Add((clock.Now, ticks, message.ToArray()));
        return true;
    }

    public void CancelScheduled()
    {
        Cancels++;
        var now = clock.Now;
        Scheduled.RemoveAll(m => m.Due > now && !new SentMessage(m.Due, m.Bytes).IsNoteOff);
    }

    /// <summary>What would have sounded: scheduled messages at their due time and immediate ones at theirs, in time order.</summary>
    public List<SentMessage> Heard() =>
        [.. Scheduled.Select(m => new SentMessage(m.Due, m.Bytes)).Concat(Immediate).OrderBy(m => m.Ticks)];
}
