namespace AiJukebox.Devices;

/// <summary>A MIDI shared library (RtMidi, libjack) could not be loaded; the message says how to install it.</summary>
public sealed class MidiLibraryNotFoundException : MidiDeviceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="triedNames">The library names or paths that were tried.</param>
    /// <param name="innerException">The last load failure, if any.</param>
    public MidiLibraryNotFoundException(IReadOnlyList<string> triedNames, Exception? innerException = null)
        : base(
            $"The RtMidi library is not installed (tried {string.Join(", ", triedNames)}): install librtmidi6 (Debian/Ubuntu: sudo apt install librtmidi6) or rtmidi (Homebrew, pacman, dnf); on Windows put rtmidi.dll next to aijukebox.",
            innerException)
    {
        TriedNames = triedNames;
    }

    /// <summary>Creates the exception for another library than RtMidi.</summary>
    /// <param name="triedNames">The library names or paths that were tried.</param>
    /// <param name="innerException">The last load failure, if any.</param>
    /// <param name="library">What the library is, e.g. <c>JACK (libjack)</c>.</param>
    /// <param name="install">How to install it.</param>
    public MidiLibraryNotFoundException(IReadOnlyList<string> triedNames, Exception? innerException, string library, string? install)
        : base($"The {library} library is not installed (tried {string.Join(", ", triedNames)}){(install is null ? "." : $": {install}.")}", innerException)
    {
        TriedNames = triedNames;
    }

    /// <summary>The library names or paths that were tried.</summary>
    public IReadOnlyList<string> TriedNames { get; }
}
