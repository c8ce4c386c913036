using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using AiJukebox.Configuration;
using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>The "live" section of config/jukebox.json: the performer's defaults, controls included.</summary>
internal static class LiveConfig
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The section's options, or the built-in defaults when there is no config or no section.</summary>
    /// <exception cref="InvalidDataException">The section holds an unknown key or a value out of range (the message names it).</exception>
    public static LiveOptions Load(Func<JukeboxConfig> config)
    {
        JsonObject json;
        try
        {
            json = config().Json;
        }
        catch (FileNotFoundException)
        {
            return new LiveOptions();
        }

        return json["live"] is JsonObject live ? Read(live) : new LiveOptions();
    }

    public static LiveOptions Read(JsonObject live)
    {
        try
        {
            return live.Deserialize<LiveOptions>(Json) ?? new LiveOptions();
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"config/jukebox.json, section \"live\": {e.Message.Split('\n')[0]}", e);
        }
    }
}
