namespace AiJukebox.Live.Tests.Fakes;

/// <summary>Records every message with the clock time it was sent at.</summary>
internal sealed class RecordingSink(IClock clock) : IMidiSink
{
    public List<SentMessage> Messages { get; } = [];

    /// <summary>Throw from the next <see cref="Send"/> calls while this is above 0 (counts down).</summary>
    public int FailNext { get; set; }

    public void Send(ReadOnlySpan<byte> message)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new IOException("port lost");
        }

        Messages.Add(new SentMessage(clock.Now, message.ToArray()));
    }

    public IEnumerable<SentMessage> NoteOns => Messages.Where(m => m.IsNoteOn);

    /// <summary>Notes left sounding at the end (note-on without a later note-off, ignoring All Notes Off).</summary>
    public List<(int Channel, int Pitch)> HangingNotes() => HangingNotes(Messages);

    /// <summary>Notes left sounding after <paramref name="messages"/>, in order.</summary>
    public static List<(int Channel, int Pitch)> HangingNotes(IEnumerable<SentMessage> messages)
    {
        var sounding = new HashSet<(int, int)>();
        foreach (var m in messages)
        {
            if (m.IsNoteOn)
            {
                sounding.Add((m.Channel, m.Bytes[1]));
            }
            else if (m.IsNoteOff)
            {
                sounding.Remove((m.Channel, m.Bytes[1]));
            }
        }

        return [.. sounding];
    }
}
