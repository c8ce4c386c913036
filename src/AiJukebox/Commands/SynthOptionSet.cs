using System.CommandLine;

using AiJukebox.Configuration;
using AiJukebox.Devices;

namespace AiJukebox.Commands;

/// <summary>The built-in synth's options, shared by play, render and generate.</summary>
internal sealed class SynthOptionSet
{
    public Option<string?> SoundFont { get; } = new("--soundfont") { Description = $"The SoundFont (.sf2/.sf3) of the built-in synth (default: ${SoundFontLocator.Variable}, the settings, else FluidR3_GM, MuseScore_General or TimGM6mb where installed)" };

    public Option<string?> AudioDriver { get; } = new("--audio-driver") { Description = $"The built-in synth's audio driver: pipewire, pulseaudio, jack, alsa, coreaudio, wasapi... (default: the first of {string.Join(", ", FluidSynthOutput.AutomaticDrivers)} that opens)" };

    public Option<int?> SampleRate { get; } = new("--sample-rate") { Description = $"Sample rate of rendered audio in Hz (default {AudioRenderOptions.DefaultSampleRate})" };

    public void AddTo(Command command, bool live)
    {
        command.Options.Add(SoundFont);
        command.Options.Add(SampleRate);
        if (live)
        {
            command.Options.Add(AudioDriver);
        }
    }

    public SynthOptions Live(ParseResult parse) => new()
    {
        SoundFont = parse.GetValue(SoundFont),
        SettingsSoundFont = Saved().SoundFont,
        AudioDriver = parse.GetValue(AudioDriver) ?? Saved().AudioDriver,
    };

    /// <exception cref="ArgumentException">The sample rate is out of range.</exception>
    public AudioRenderOptions Render(ParseResult parse) => new()
    {
        SoundFont = parse.GetValue(SoundFont),
        SettingsSoundFont = Saved().SoundFont,
        SampleRate = parse.GetValue(SampleRate) is { } rate
            ? rate is >= 8000 and <= 96000 ? rate : throw new ArgumentException("--sample-rate must be 8000-96000 Hz.")
            : AudioRenderOptions.DefaultSampleRate,
    };

    // The UI's saved settings also hold the synth's SoundFont and driver; a broken settings file is the UI's to report.
    private static UserSettings Saved()
    {
        try
        {
            return UserSettings.Load(UserSettings.DefaultPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new UserSettings();
        }
    }
}
