using AiJukebox.Configuration;

namespace AiJukebox.Ui;

/// <summary>The user's settings file: read once, written (atomically) whenever the UI changes a setting.</summary>
internal sealed class SettingsStore(string path, UserSettings current)
{
    public string Path { get; } = path;

    public UserSettings Current { get; private set; } = current;

    /// <summary>Reads the user's file; an unreadable one is reported and replaced by empty settings.</summary>
    public static SettingsStore Open(string path, out string? problem)
    {
        problem = null;
        try
        {
            return new SettingsStore(path, UserSettings.Load(path));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return new SettingsStore(path, new UserSettings());
        }
    }

    /// <summary>Applies a change and saves; returns a one-line problem when the file cannot be written.</summary>
    public string? Update(Func<UserSettings, UserSettings> change)
    {
        Current = change(Current);
        try
        {
            Current.Save(Path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot save settings to {Path} ({e.Message})";
        }
    }
}
