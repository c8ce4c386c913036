using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiJukebox.Live;

/// <summary>Reads and writes a <see cref="KeySetting"/> as its text (<c>"auto"</c>, <c>"off"</c>, <c>"F#:major"</c>).</summary>
internal sealed class KeySettingJsonConverter : JsonConverter<KeySetting>
{
    public override KeySetting Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? KeySetting.Parse(reader.GetString()!)
            : throw new JsonException("The key must be a string: \"auto\", \"off\" or \"<tonic>:<major|minor>\".");

    public override void Write(Utf8JsonWriter writer, KeySetting value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
