using AiJukebox.Configuration;
using AiJukebox.Ui;

namespace AiJukebox.Tests.Ui;

public sealed class SettingsStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ABurstOfChanges_TakesEffectAtOnceAndIsWrittenOnceAfterIt()
    {
        var path = Path.Combine(_folder, "settings.json");
        using var store = new SettingsStore(path, new UserSettings(), delay: TimeSpan.FromSeconds(30));

        for (var tempo = 100; tempo <= 150; tempo++)
        {
            Assert.Null(store.Update(s => s with { Tempo = tempo }));
        }

        // Nothing was written on the caller's thread; the state is already the last change.
        Assert.False(File.Exists(path));
        Assert.Equal(150, store.Current.Tempo);
        Assert.Null(store.Flush());
        Assert.Equal(150, UserSettings.Load(path).Tempo);
    }

    [Fact]
    public void TheTimer_WritesThePendingChangeByItself()
    {
        var path = Path.Combine(_folder, "settings.json");
        using var store = new SettingsStore(path, new UserSettings(), delay: TimeSpan.FromMilliseconds(20));

        store.Update(s => s with { Thru = true });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(path) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(UserSettings.Load(path).Thru);
    }

    [Fact]
    public void Dispose_WritesWhatIsPending()
    {
        var path = Path.Combine(_folder, "settings.json");
        using (var store = new SettingsStore(path, new UserSettings(), delay: TimeSpan.FromMinutes(5)))
        {
            store.Update(s => s with { Mode = "accompany" });
        }

        Assert.Equal("accompany", UserSettings.Load(path).Mode);
    }

    [Fact]
    public void AFolderThatCannotBeWritten_IsReportedAtFlushAndAtTheNextChange()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the settings folder should be");
        using var store = new SettingsStore(Path.Combine(blocker, "settings.json"), new UserSettings(), delay: TimeSpan.FromMinutes(5));

        store.Update(s => s with { Tempo = 90 });
        var problem = store.Flush();

        Assert.StartsWith("cannot save settings to", problem);
        Assert.Equal(problem, store.Update(s => s with { Tempo = 91 }));
    }
}
