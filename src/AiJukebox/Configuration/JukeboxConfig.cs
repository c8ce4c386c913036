using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiJukebox.Configuration;

/// <summary>
/// The defaults of config/jukebox.json: which model and notes file to use when none is given.
/// Paths in it are relative to the folder above config/ (the repository root).
/// </summary>
internal sealed class JukeboxConfig
{
    private JukeboxConfig(string root, JsonObject json)
    {
        Root = root;
        Json = json;
    }

    /// <summary>The folder holding config/ (and trained/).</summary>
    public string Root { get; }

    /// <summary>The whole file, for sections that other parts read (live controls, ports).</summary>
    public JsonObject Json { get; }

    /// <summary>Absolute path of the default model (model card or weights).</summary>
    public string DefaultModel => Resolve(Json["defaultModel"]?.GetValue<string>() ?? "trained/piano-midi-de/model.json");

    /// <summary>Absolute path of the default notes file.</summary>
    public string DefaultNotes => Resolve(Json["defaultNotes"]?.GetValue<string>() ?? "trained/piano-midi-de/notes.json");

    /// <summary>
    /// Finds config/jukebox.json: in $AIJUKEBOX_HOME, else in the current folder, else in the
    /// install folder (the program's folder or the nearest one above it with a config/, so a build
    /// inside the repository finds the repository's).
    /// </summary>
    /// <exception cref="FileNotFoundException">No config/jukebox.json anywhere (message says where it looked).</exception>
    public static JukeboxConfig Load() =>
        Load(Environment.GetEnvironmentVariable("AIJUKEBOX_HOME"), Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>
    /// <see cref="Load()"/> for given folders. The folders above the working folder are not
    /// searched: a config/ that someone left in /tmp or a shared parent must not decide which model
    /// plays or where takes are written.
    /// </summary>
    /// <exception cref="FileNotFoundException">No config/jukebox.json in those places.</exception>
    public static JukeboxConfig Load(string? home, string workingFolder, string programFolder)
    {
        var places = new List<string>();
        if (home is { Length: > 0 })
        {
            places.Add(home);
        }

        places.Add(workingFolder);
        places.AddRange(Upwards(programFolder));
        foreach (var place in places)
        {
            var file = Path.Combine(place, "config", "jukebox.json");
            if (File.Exists(file))
            {
                return Read(file);
            }
        }

        throw new FileNotFoundException("config/jukebox.json not found (looked in $AIJUKEBOX_HOME, the current folder and the program's install folder); run from the AI Jukebox folder or set AIJUKEBOX_HOME.");
    }

    /// <summary>Reads one config file.</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static JukeboxConfig Read(string file)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new InvalidDataException($"{file}: expected a JSON object.");
            return new JukeboxConfig(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(file)))!, json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON ({e.Message}); fix it or restore it from the repository.", e);
        }
    }

    /// <summary>An absolute path for a path written in the config.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    private static IEnumerable<string> Upwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
