namespace AiJukebox.Devices;

/// <summary>
/// Finds the SoundFont the built-in synthesizer plays: a path given (the <c>--soundfont</c> option,
/// else <c>$AIJUKEBOX_SOUNDFONT</c>, else the settings), or else the first General MIDI SoundFont
/// installed in the usual places (Debian's fluid-soundfont-gm and timgm6mb-soundfont, MuseScore's,
/// Homebrew's and Windows' folders).
/// </summary>
public static class SoundFontLocator
{
    /// <summary>The environment variable that names a SoundFont file.</summary>
    public const string Variable = "AIJUKEBOX_SOUNDFONT";

    /// <summary>What to install when none is found (one line).</summary>
    public const string InstallHint =
        "install one (Debian/Ubuntu: sudo apt install timgm6mb-soundfont, 6 MB, or fluid-soundfont-gm, 140 MB) or give a .sf2/.sf3 file with --soundfont or $" + Variable;

    /// <summary>The files looked for when none is given, best first.</summary>
    public static IReadOnlyList<string> StandardPaths()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var paths = new List<string>
        {
            "/usr/share/sounds/sf2/FluidR3_GM.sf2",
            "/usr/share/soundfonts/FluidR3_GM.sf2",
            "/usr/share/sounds/sf3/MuseScore_General.sf3",
            "/usr/share/mscore-4.0/sound/MuseScore_General.sf3",
            "/usr/share/mscore-3.0/sound/MuseScore_General.sf3",
            "/usr/share/mscore3-3.2/sound/MuseScore_General.sf3",
            "/usr/share/soundfonts/MuseScore_General.sf3",
            Path.Combine(home, "Documents", "MuseScore4", "SoundFonts", "MuseScore_General.sf3"),
            Path.Combine(home, ".local", "share", "soundfonts", "MuseScore_General.sf3"),
            "/usr/share/sounds/sf2/TimGM6mb.sf2",
            "/usr/share/soundfonts/TimGM6mb.sf2",
            "/usr/share/sounds/sf2/default-GM.sf2",
            "/usr/share/soundfonts/default.sf2",
            "/usr/share/sounds/sf3/default-GM.sf3",
            "/opt/homebrew/share/soundfonts/default.sf2",
            "/usr/local/share/soundfonts/default.sf2",
            "/Applications/MuseScore 4.app/Contents/Resources/sound/MuseScore_General.sf3",
        };
        if (OperatingSystem.IsWindows())
        {
            paths.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "MuseScore 4", "sound", "MuseScore_General.sf3"));
            paths.Add(Path.Combine(AppContext.BaseDirectory, "default.sf2"));
        }

        return paths;
    }

    /// <summary>
    /// The SoundFont to use: <paramref name="given"/> (an option), else <c>$AIJUKEBOX_SOUNDFONT</c>,
    /// else <paramref name="configured"/> (settings), else the first of <see cref="StandardPaths"/> that exists.
    /// </summary>
    /// <exception cref="SoundFontNotFoundException">A named file does not exist, or none is installed.</exception>
    public static string Find(string? given = null, string? configured = null) =>
        Find(given, Environment.GetEnvironmentVariable(Variable), configured, StandardPaths());

    /// <summary><see cref="Find(string?, string?)"/> with the environment's value and the places to search given (for tests).</summary>
    /// <exception cref="SoundFontNotFoundException">A named file does not exist, or none of <paramref name="standard"/> does.</exception>
    public static string Find(string? given, string? environment, string? configured, IReadOnlyList<string> standard)
    {
        foreach (var (value, where) in new[] { (given, "--soundfont"), (environment, "$" + Variable), (configured, "the settings' soundFont") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var path = Path.GetFullPath(value);
            return File.Exists(path)
                ? path
                : throw new SoundFontNotFoundException($"The SoundFont {path} (from {where}) does not exist; give another, or {InstallHint}.");
        }

        return standard.FirstOrDefault(File.Exists)
            ?? throw new SoundFontNotFoundException($"No SoundFont found for the built-in synth (looked for FluidR3_GM.sf2, MuseScore_General.sf3, TimGM6mb.sf2 in /usr/share/sounds and the other usual places): {InstallHint}.");
    }
}
