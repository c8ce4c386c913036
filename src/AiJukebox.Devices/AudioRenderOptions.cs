namespace AiJukebox.Devices;

/// <summary>How <see cref="SynthRenderer"/> writes a file.</summary>
public sealed record AudioRenderOptions
{
    /// <summary>The default sample rate of rendered files.</summary>
    public const int DefaultSampleRate = 44100;

    /// <summary>The SoundFont given; null = found as for the live synth (see <see cref="SoundFontLocator"/>).</summary>
    public string? SoundFont { get; init; }

    /// <summary>The SoundFont the user's settings name; <see cref="SoundFont"/> and <c>$AIJUKEBOX_SOUNDFONT</c> win over it.</summary>
    public string? SettingsSoundFont { get; init; }

    /// <summary>Sample rate in Hz (8000-96000).</summary>
    public int SampleRate { get; init; } = DefaultSampleRate;

    /// <summary>Seconds rendered after the last message, for the notes to ring out.</summary>
    public double TailSeconds { get; init; } = 1.0;

    /// <summary>FluidSynth's master gain (0-10).</summary>
    public double Gain { get; init; } = 1.0;
}
