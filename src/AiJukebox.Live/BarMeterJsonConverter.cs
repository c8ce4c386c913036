using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiJukebox.Live;

/// <summary>Reads and writes a <see cref="BarMeter"/> as its text (<c>"4/4"</c>).</summary>
internal sealed class BarMeterJsonConverter : JsonConverter<BarMeter>
{
    public override BarMeter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? BarMeter.Parse(reader.GetString()!)
            : throw new JsonException("The meter must be a string such as \"4/4\".");

    public override void Write(Utf8JsonWriter writer, BarMeter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
