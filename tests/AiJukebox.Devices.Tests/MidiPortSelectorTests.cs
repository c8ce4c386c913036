namespace AiJukebox.Devices.Tests;

public sealed class MidiPortSelectorTests
{
    private static readonly string[] Ports = ["system:midi_capture_1", "fluidsynth:midi_00", "a2j:Keystation 49 [20] (capture): Keystation 49 MIDI 1", "7"];

    [Fact]
    public void Resolve_ExactName_WinsOverSubstringAndIndex()
    {
        Assert.Equal(1, MidiPortSelector.Resolve(Ports, "fluidsynth:midi_00", "output"));
        Assert.Equal(3, MidiPortSelector.Resolve(Ports, "7", "output"));
    }

    [Fact]
    public void Resolve_Index_PicksThatPort() => Assert.Equal(2, MidiPortSelector.Resolve(Ports, "2", "output"));

    [Fact]
    public void Resolve_UniqueSubstring_IgnoresCase() => Assert.Equal(2, MidiPortSelector.Resolve(Ports, "keystation", "input"));

    [Fact]
    public void Resolve_AmbiguousSubstring_ListsTheMatches()
    {
        var error = Assert.Throws<MidiPortNotFoundException>(() => MidiPortSelector.Resolve(Ports, "midi", "output"));
        Assert.Contains("matches 3 ports", error.Message);
        Assert.Contains("'fluidsynth:midi_00'", error.Message);
    }

    [Fact]
    public void Resolve_NoMatch_ListsEveryPortWithItsIndex()
    {
        var error = Assert.Throws<MidiPortNotFoundException>(() => MidiPortSelector.Resolve(Ports, "Yamaha", "output"));
        Assert.Equal("MIDI output 'Yamaha' not found; the output ports are: 0: 'system:midi_capture_1', 1: 'fluidsynth:midi_00', 2: 'a2j:Keystation 49 [20] (capture): Keystation 49 MIDI 1', 3: '7'. Use 'aijukebox ports' to list them.", error.Message);
        Assert.Equal(Ports, error.AvailablePorts);
    }

    [Fact]
    public void Resolve_NoPortsAtAll_SaysSo()
    {
        var error = Assert.Throws<MidiPortNotFoundException>(() => MidiPortSelector.Resolve([], "0", "input"));
        Assert.Contains("there are no MIDI input ports", error.Message);
    }
}
