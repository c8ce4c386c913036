namespace AiJukebox.Devices;

/// <summary>
/// An open MIDI output: a connection to an existing port or a virtual port others connect to.
/// <see cref="Send"/> allocates nothing; call it (and <see cref="TrySendAt"/>, <see cref="CancelScheduled"/>) from one thread at a time.
/// </summary>
public abstract class MidiOutputPort : MidiPort
{
    private protected MidiOutputPort(MidiApi api, string name, bool isVirtual)
        : base(api, name, isVirtual)
    {
    }

    /// <summary>
    /// How far ahead of its time <see cref="TrySendAt"/> takes a message; zero for a port that can
    /// only send now (RtMidi). A JACK output places each scheduled message at the frame of its time.
    /// </summary>
    public virtual TimeSpan ScheduleAhead => TimeSpan.Zero;

    /// <summary>Sends one complete MIDI message (status byte first) now.</summary>
    /// <exception cref="ArgumentException">The message is empty (or, on JACK, longer than a queued message holds).</exception>
    /// <exception cref="ObjectDisposedException">The port was closed.</exception>
    /// <exception cref="MidiDeviceException">The MIDI system reported an error.</exception>
    public abstract void Send(ReadOnlySpan<byte> message);

    /// <summary>
    /// Queues one message to leave at <paramref name="timestamp"/> (<see cref="System.Diagnostics.Stopwatch"/>
    /// ticks), at most <see cref="ScheduleAhead"/> early; messages must come in time order. A port
    /// that cannot schedule sends it now.
    /// </summary>
    /// <returns>False when the port's queue is full; try again later.</returns>
    /// <exception cref="ArgumentException">The message is empty or too long.</exception>
    /// <exception cref="ObjectDisposedException">The port was closed.</exception>
    public virtual bool TrySendAt(long timestamp, ReadOnlySpan<byte> message)
    {
        Send(message);
        return true;
    }

    /// <summary>
    /// Drops the messages queued by <see cref="TrySendAt"/> for a time still to come, except
    /// note-offs; those, and messages already due but not yet out, leave at once (so no note that
    /// already sounded is left hanging, and what was due is heard). Nothing to do on a
    /// port that cannot schedule.
    /// </summary>
    public virtual void CancelScheduled()
    {
    }
}
