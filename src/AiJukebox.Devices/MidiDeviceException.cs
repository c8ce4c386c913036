namespace AiJukebox.Devices;

/// <summary>
/// A MIDI device problem a user can act on; <see cref="Exception.Message"/> is one line that says
/// what failed and what to do.
/// </summary>
public class MidiDeviceException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public MidiDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public MidiDeviceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
