using System.Text.Json;
using System.Text.Json.Serialization;

using AiJukebox.Music;

namespace AiJukebox.Configuration;

/// <summary>
/// What the user changed in the UI, kept between sessions in
/// <c>$XDG_CONFIG_HOME/aijukebox/settings.json</c> (else <c>~/.config/aijukebox/settings.json</c>).
/// A null value means "not set here": CLI flags win over these, and these win over config/jukebox.json.
/// </summary>
internal sealed record UserSettings
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The model to open (model.json, run folder or .safetensors).</summary>
    public string? Model { get; init; }

    /// <summary>The notes file the model was trained on.</summary>
    public string? Notes { get; init; }

    /// <summary>The MIDI system (alsa, jack, rtmidi-jack, coremidi, winmm).</summary>
    public string? Api { get; init; }

    /// <summary>The output port's name.</summary>
    public string? Out { get; init; }

    /// <summary>The input port's name.</summary>
    public string? In { get; init; }

    /// <summary>The built-in synth's SoundFont (.sf2/.sf3); <c>--soundfont</c> and <c>$AIJUKEBOX_SOUNDFONT</c> win over it.</summary>
    public string? SoundFont { get; init; }

    /// <summary>The built-in synth's audio driver (pulseaudio, jack, alsa...); <c>--audio-driver</c> wins over it.</summary>
    public string? AudioDriver { get; init; }

    /// <summary>Perform: the mode (solo, call-response, accompany).</summary>
    public string? Mode { get; init; }

    /// <summary>Perform: the tempo in BPM.</summary>
    public double? Tempo { get; init; }

    /// <summary>Perform: the sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Perform: whether the keyboard is echoed to the output.</summary>
    public bool? Thru { get; init; }

    /// <summary>Train screen: the notes file or MIDI folder last trained on.</summary>
    public string? TrainSource { get; init; }

    /// <summary>Train screen: the run folder last used.</summary>
    public string? TrainRun { get; init; }

    /// <summary>Train screen: the preset last used.</summary>
    public string? TrainPreset { get; init; }

    /// <summary>Generate screen: the last output file.</summary>
    public string? GenerateOutput { get; init; }

    /// <summary>Generate screen: the last temperature.</summary>
    public double? GenerateTemperature { get; init; }

    /// <summary>The settings file's path for this user (XDG base directory rules).</summary>
    public static string DefaultPath
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config) || !Path.IsPathRooted(config))
            {
                config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return Path.Combine(config, "aijukebox", "settings.json");
        }
    }

    /// <summary>Reads the settings; a missing file gives empty settings.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not valid settings JSON (the message names it).</exception>
    public static UserSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return new UserSettings();
        }

        try
        {
            return JsonSerializer.Deserialize<UserSettings>(File.ReadAllText(path), Json) ?? new UserSettings();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid settings ({e.Message}); fix or delete it.", e);
        }
    }

    /// <summary>Writes the settings atomically, creating the folder.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, Json));
}
