using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiJukebox.Live.Tests;

public sealed class LiveOptionsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void FromJson_ReadsNestedControlsAndSampling()
    {
        const string text = """
            {
              "mode": "CallResponse", "tempo": 96, "horizonBeats": 2, "responseDelayBeats": 1.5, "responseBeats": 8,
              "thru": true, "channel": 3, "program": 40, "transpose": -12, "velocityScale": 0.8,
              "lowestNote": 36, "highestNote": 96,
              "controls": { "temperatureCc": 71, "tempoCc": null, "maxTempo": 200 },
              "sampling": { "temperature": 0.9, "topK": 20, "topP": 0.95 },
              "autosaveSeconds": 2
            }
            """;

        var options = JsonSerializer.Deserialize<LiveOptions>(text, Json)!;

        Assert.Equal(PerformanceMode.CallResponse, options.Mode);
        Assert.Equal(96, options.Tempo);
        Assert.Equal(8, options.ResponseBeats);
        Assert.True(options.Thru);
        Assert.Equal(40, options.Program);
        Assert.Equal(71, options.Controls.TemperatureCc);
        Assert.Null(options.Controls.TempoCc);
        Assert.Equal(16, options.Controls.ModeCc); // default kept
        Assert.Equal(20, options.Sampling.TopK);
        Assert.Equal(2, options.AutosaveSeconds);
    }

    [Fact]
    public void FromJson_OutOfRange_MessageNamesTheSetting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Deserialize<LiveOptions>("""{ "channel": 16 }""", Json));
        Assert.Contains("Channel must be between 0 and 15", e.Message);
    }

    [Fact]
    public void Validate_LowestAboveHighest_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new LiveOptions { LowestNote = 80, HighestNote = 60 }.Validate());
        Assert.Contains("LowestNote", e.Message);
    }

    [Fact]
    public void ControlNumber_Above127_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ControlMap { PanicCc = 128 });
    }
}
