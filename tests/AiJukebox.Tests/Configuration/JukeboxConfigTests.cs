using AiJukebox.Configuration;

namespace AiJukebox.Tests.Configuration;

public sealed class JukeboxConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aijukebox-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_AConfigAboveTheWorkingFolder_IsNotUsed()
    {
        // A stray config/ in a parent (a shared /tmp, a downloads folder) must not redirect takes.
        var stray = Put("shared", "stray");
        var working = Directory.CreateDirectory(Path.Combine(stray, "work", "here")).FullName;
        var install = Put("install", "installed");
        var program = Directory.CreateDirectory(Path.Combine(install, "bin", "Release")).FullName;

        var config = JukeboxConfig.Load(home: null, working, program);

        Assert.Equal(install, config.Root);
        Assert.Equal(Path.Combine(install, "installed.json"), config.DefaultModel);
    }

    [Fact]
    public void Load_PrefersHomeThenTheWorkingFolderThenTheInstallFolder()
    {
        var home = Put("home", "home");
        var working = Put("working", "working");
        var program = Put("install", "installed");

        Assert.Equal(home, JukeboxConfig.Load(home, working, program).Root);
        Assert.Equal(working, JukeboxConfig.Load(null, working, program).Root);
        Assert.Equal(program, JukeboxConfig.Load("", Path.Combine(_root, "nowhere"), program).Root);
    }

    [Fact]
    public void Load_NoConfigAnywhere_SaysWhereItLookedAndWhatToDo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var error = Assert.Throws<FileNotFoundException>(() => JukeboxConfig.Load(null, empty, empty));

        Assert.Contains("AIJUKEBOX_HOME", error.Message);
    }

    private string Put(string folder, string model)
    {
        var place = Path.Combine(_root, folder);
        Directory.CreateDirectory(Path.Combine(place, "config"));
        File.WriteAllText(Path.Combine(place, "config", "jukebox.json"), $"{{\"defaultModel\": \"{model}.json\"}}");
        return place;
    }
}
