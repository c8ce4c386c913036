using AiJukebox.Configuration;
using AiJukebox.Ui;

namespace AiJukebox.Tests.Ui;

public sealed class UserSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Settings_SaveThenLoad_RoundTrips()
    {
        var path = Path.Combine(_folder, "aijukebox", "settings.json");
        var settings = new UserSettings { Model = "/m/model.json", Out = "synth:in", GenerateTemperature = 0.8 };

        settings.Save(path);

        Assert.Equal(settings, UserSettings.Load(path));
        Assert.DoesNotContain("null", File.ReadAllText(path));
    }

    [Fact]
    public void Settings_MissingFile_AreEmpty() =>
        Assert.Equal(new UserSettings(), UserSettings.Load(Path.Combine(_folder, "nothing.json")));

    [Fact]
    public void Settings_BrokenFile_NamesTheFile()
    {
        var path = Path.Combine(_folder, "settings.json");
        File.WriteAllText(path, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => UserSettings.Load(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Flags_WinOverSettings_AndAFlaggedModelDropsTheSavedNotes()
    {
        var saved = new UserSettings { Model = "saved-model", Notes = "saved-notes", Api = "alsa", Out = "saved-out", In = "saved-in" };

        var chosen = new UiOptions("flag-model", null, "jack", null, null).Over(saved);

        Assert.Equal(new UiOptions("flag-model", null, "jack", "saved-out", "saved-in"), chosen);
        Assert.Equal(new UiOptions("saved-model", "saved-notes", "alsa", "saved-out", "saved-in"), new UiOptions(null, null, null, null, null).Over(saved));
    }
}
