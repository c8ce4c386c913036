namespace AiJukebox.Devices;

/// <summary>No port (or more than one) matched what the user asked for; the message lists the ports that exist.</summary>
public sealed class MidiPortNotFoundException : MidiDeviceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The user-facing message, naming the ports that exist.</param>
    /// <param name="requested">What the user asked for.</param>
    /// <param name="availablePorts">The names of the ports that exist.</param>
    public MidiPortNotFoundException(string message, string requested, IReadOnlyList<string> availablePorts)
        : base(message)
    {
        Requested = requested;
        AvailablePorts = availablePorts;
    }

    /// <summary>What the user asked for (a name, part of a name, or an index).</summary>
    public string Requested { get; }

    /// <summary>The names of the ports that existed when the lookup was made.</summary>
    public IReadOnlyList<string> AvailablePorts { get; }
}
