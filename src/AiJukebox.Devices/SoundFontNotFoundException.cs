namespace AiJukebox.Devices;

/// <summary>No SoundFont was given or found, or the one given is not there; the message says which package to install.</summary>
public sealed class SoundFontNotFoundException : SynthException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what was looked for and what to do.</param>
    public SoundFontNotFoundException(string message)
        : base(message)
    {
    }
}
