namespace AiJukebox.Devices.Tests.Synth;

public sealed class SoundFontLocatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-sf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void Find_OptionWinsOverVariableOverSettingsOverStandardPlaces()
    {
        var option = Touch("option.sf2");
        var variable = Touch("variable.sf2");
        var settings = Touch("settings.sf2");
        var standard = Touch("standard.sf2");

        Assert.Equal(option, SoundFontLocator.Find(option, variable, settings, [standard]));
        Assert.Equal(variable, SoundFontLocator.Find(null, variable, settings, [standard]));
        Assert.Equal(settings, SoundFontLocator.Find(" ", null, settings, [standard]));
        Assert.Equal(standard, SoundFontLocator.Find(null, null, null, [Path.Combine(_folder, "absent.sf2"), standard]));
    }

    [Fact]
    public void Find_NamedFileMissing_SaysWhichAndWhereItCameFrom()
    {
        var missing = Path.Combine(_folder, "gone.sf2");
        var error = Assert.Throws<SoundFontNotFoundException>(() => SoundFontLocator.Find(null, missing, null, [Touch("standard.sf2")]));
        Assert.Contains(missing, error.Message);
        Assert.Contains("$AIJUKEBOX_SOUNDFONT", error.Message);
    }

    [Fact]
    public void Find_NoneInstalled_NamesThePackagesToInstall()
    {
        var error = Assert.Throws<SoundFontNotFoundException>(() => SoundFontLocator.Find(null, null, null, [Path.Combine(_folder, "a.sf2")]));
        Assert.Contains("timgm6mb-soundfont", error.Message);
        Assert.Contains("fluid-soundfont-gm", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void StandardPaths_IncludeDebiansAndMuseScoresSoundFonts()
    {
        var paths = SoundFontLocator.StandardPaths();
        Assert.Contains("/usr/share/sounds/sf2/FluidR3_GM.sf2", paths);
        Assert.Contains("/usr/share/sounds/sf2/TimGM6mb.sf2", paths);
        Assert.Contains(paths, p => p.EndsWith("MuseScore_General.sf3", StringComparison.Ordinal));
    }
}
