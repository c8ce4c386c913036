namespace AiJukebox.Devices;

/// <summary>
/// The built-in synthesizer (FluidSynth) cannot do what was asked; <see cref="Exception.Message"/> is
/// one line that names the failed FluidSynth function or the missing thing and what to do. A
/// <see cref="MidiDeviceException"/>, so callers that handle MIDI device problems handle these too.
/// </summary>
public class SynthException : MidiDeviceException
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public SynthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and its cause.</summary>
    public SynthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
