namespace AiJukebox.Devices;

/// <summary>How the built-in synthesizer (FluidSynth) is set up.</summary>
public sealed record SynthOptions
{
    /// <summary>The SoundFont given (option, variable or settings); null = the first one installed (see <see cref="SoundFontLocator"/>).</summary>
    public string? SoundFont { get; init; }

    /// <summary>The SoundFont the user's settings name; <see cref="SoundFont"/> and <c>$AIJUKEBOX_SOUNDFONT</c> win over it.</summary>
    public string? SettingsSoundFont { get; init; }

    /// <summary>
    /// FluidSynth's audio driver (pipewire, pulseaudio, jack, alsa, coreaudio, wasapi, dsound...);
    /// null = the first of <see cref="FluidSynthOutput.AutomaticDrivers"/> that opens.
    /// </summary>
    public string? AudioDriver { get; init; }

    /// <summary>Sample rate in Hz; null = FluidSynth's default (44100); the jack driver always takes the server's rate.</summary>
    public double? SampleRate { get; init; }

    /// <summary>FluidSynth's master gain (0-10); FluidSynth's own default, 0.2, is quiet for a single piano line.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>The JACK client name of the jack driver (its ports are <c>name:left</c> and <c>name:right</c>).</summary>
    public string JackClientName { get; init; } = "aijukebox-synth";

    /// <summary>With the jack driver, connect the outputs to the system's playback ports.</summary>
    public bool JackAutoConnect { get; init; } = true;
}
