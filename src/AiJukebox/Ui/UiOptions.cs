using AiJukebox.Configuration;

namespace AiJukebox.Ui;

/// <summary>The play-style flags given on the command line; null = not given (user settings, then config/ decide).</summary>
internal sealed record UiOptions(string? Model, string? Notes, string? Api, string? Out, string? In, string? SoundFont = null, string? AudioDriver = null)
{
    /// <summary>
    /// These flags over the user's saved settings (config/jukebox.json fills in what neither names).
    /// A model given on the command line never takes the saved model's notes file.
    /// </summary>
    public UiOptions Over(UserSettings saved) => new(
        Model ?? saved.Model,
        Notes ?? (Model is null ? saved.Notes : null),
        Api ?? saved.Api,
        Out ?? saved.Out,
        In ?? saved.In,
        SoundFont,
        AudioDriver ?? saved.AudioDriver);
}
