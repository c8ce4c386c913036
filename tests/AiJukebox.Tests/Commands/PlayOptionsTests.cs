using System.Text.Json.Nodes;

using AiJukebox.Commands;
using AiJukebox.Configuration;
using AiJukebox.Live;
using AiJukebox.Playing;

namespace AiJukebox.Tests.Commands;

/// <summary>The play verb's options and the config's live section (no MIDI system needed).</summary>
public sealed class PlayOptionsTests
{
    [Fact]
    public void ShippedConfig_LiveSection_LoadsWithItsDefaults()
    {
        var options = LiveConfig.Load(JukeboxConfig.Load);

        Assert.Equal(PerformanceMode.Solo, options.Mode);
        Assert.Equal(120, options.Tempo);
        Assert.Equal(5, options.AutosaveSeconds);
        Assert.Equal(14, options.Controls.TemperatureCc);
        Assert.Equal(0.95, options.Sampling.TopP);
        Assert.Equal(KeySetting.Auto, options.Key);
        Assert.Equal(1.0, options.Sampling.KeyStrength);
        Assert.Equal(24, options.Sampling.PassingToneSpacing);
        Assert.Equal(19, options.Controls.KeyLockCc);
        Assert.Equal(PhraseAlignment.Bar, options.Align);
        Assert.Null(options.Meter);
        Assert.False(options.Metronome);
        Assert.Equal(0, options.CountInBars);
        Assert.True(options.RecordMetronome);
        Assert.Equal(2, options.LoopBars);
        Assert.Equal(20, options.Controls.MetronomeCc);
        Assert.Equal(21, options.Controls.LoopCc);
        Assert.Equal(0, options.Mutate);
        Assert.Equal(22, options.Controls.MutateCc);
        Assert.Equal(23, options.Controls.NextModelCc);
    }

    [Fact]
    public void LiveSection_MeterAndAlign_Read()
    {
        var options = LiveConfig.Read(JsonNode.Parse("""{ "meter": "6/8", "align": "beat" }""")!.AsObject());
        Assert.Equal(new BarMeter(6, 8), options.Meter);
        Assert.Equal(PhraseAlignment.Beat, options.Align);
    }

    [Theory]
    [InlineData("\"F#:major\"", "F#:major")]
    [InlineData("\"off\"", "off")]
    public void LiveSection_Key_Read(string json, string key)
    {
        var options = LiveConfig.Read(JsonNode.Parse($$"""{ "key": {{json}} }""")!.AsObject());
        Assert.Equal(key, options.Key.ToString());
    }

    [Fact]
    public void LiveSection_NotAKey_NamesTheSection()
    {
        var e = Assert.Throws<InvalidDataException>(() => LiveConfig.Read(JsonNode.Parse("""{ "key": "H:major" }""")!.AsObject()));
        Assert.Contains("section \"live\"", e.Message);
        Assert.Contains("H:major", e.Message);
    }

    [Fact]
    public void LiveSection_KebabCaseMode_Read()
    {
        var options = LiveConfig.Read(JsonNode.Parse("""{ "mode": "call-response", "responseBeats": 4 }""")!.AsObject());
        Assert.Equal(PerformanceMode.CallResponse, options.Mode);
        Assert.Equal(4, options.ResponseBeats);
    }

    [Fact]
    public void LiveSection_UnknownKey_NamesTheSection()
    {
        var e = Assert.Throws<InvalidDataException>(() => LiveConfig.Read(JsonNode.Parse("""{ "tempoo": 90 }""")!.AsObject()));
        Assert.Contains("section \"live\"", e.Message);
        Assert.Contains("tempoo", e.Message);
    }

    [Fact]
    public void LiveSection_OutOfRange_SaysWhatIsAllowed()
    {
        var e = Assert.Throws<InvalidDataException>(() => LiveConfig.Read(JsonNode.Parse("""{ "tempo": 1000 }""")!.AsObject()));
        Assert.Contains("Tempo must be between 20 and 400", e.Message);
    }

    [Fact]
    public void Play_OutAndVirtual_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run(PlayCommand.Create(), "--out", "a", "--virtual", "b");
        Assert.Equal(2, code);
        Assert.Equal("aijukebox play: give either --out or --virtual, not both.", error.Trim());
    }

    [Theory]
    [InlineData("--channel", "17", "--channel must be 1-16.")]
    [InlineData("--tempo", "5", "Tempo must be between 20 and 400.")]
    [InlineData("--temperature", "-1", "Temperature must be a finite number of 0 or more")]
    [InlineData("--top-p", "1.5", "Top-p must be in (0, 1]")]
    [InlineData("--key", "F# major", "Key 'F# major' is not auto, off or <tonic>:<major|minor>")]
    [InlineData("--key-strength", "2", "Key strength must be in [0, 1]")]
    [InlineData("--meter", "4/3", "Meter '4/3' is not n/d")]
    [InlineData("--count-in", "17", "CountInBars must be between 0 and 16")]
    [InlineData("--loop-bars", "0", "LoopBars must be between 1 and 64")]
    [InlineData("--mutate", "1.5", "Mutate must be between 0 and 1")]
    public void Play_OptionOutOfRange_OneLineAndExitTwo(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run(PlayCommand.Create(), option, value);
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Play_ModelsAndModel_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run(PlayCommand.Create(), "--models", "a,b", "--model", "c");
        Assert.Equal(2, code);
        Assert.Equal("aijukebox play: give either --models (each with the notes file beside it) or --model/--notes, not both.", error.Trim());
    }

    [Fact]
    public void Play_MissingModel_SaysWhatToDo()
    {
        var (code, _, error) = CliRunner.Run(PlayCommand.Create(), "--model", "/nowhere/model.json", "--notes", "/nowhere/notes.json");
        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("aijukebox play: ", error);
    }
}
