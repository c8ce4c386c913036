namespace AiJukebox.Devices;

/// <summary>The FluidSynth shared library could not be loaded; the message says how to install it.</summary>
public sealed class SynthLibraryNotFoundException : SynthException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="triedNames">The library names or paths that were tried.</param>
    /// <param name="innerException">The last load failure, if any.</param>
    public SynthLibraryNotFoundException(IReadOnlyList<string> triedNames, Exception? innerException = null)
        : base(
            $"The FluidSynth library is not installed (tried {string.Join(", ", triedNames)}): install libfluidsynth3 (Debian/Ubuntu: sudo apt install libfluidsynth3), fluid-synth (Homebrew) or fluidsynth (pacman, dnf); on Windows put FluidSynth's DLLs next to aijukebox.",
            innerException)
    {
        TriedNames = triedNames;
    }

    /// <summary>The library names or paths that were tried.</summary>
    public IReadOnlyList<string> TriedNames { get; }
}
