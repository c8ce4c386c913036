using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Tests.Jack;

[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed unsafe class JackErrorCallbackTests
{
    [Fact]
    public void RtMidiWarning_ThatLeavesOkTrue_ReachesTheWarningEvent()
    {
        using MidiInputPort somePort = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: JackTestPorts.UniqueClient("warnin"));
        using RtMidiClient client = RtMidiClient.CreateOutput(MidiApi.Jack, JackTestPorts.UniqueClient("warn"));
        var warnings = new List<string>();
        client.Errors.Warning += warnings.Add;

        // An invalid index is only a warning in RtMidi: ok stays true and, without the callback, stderr alone
        // hears of it. (Only the index just past the end: RtMidi's JACK code reads beyond it unchecked.)
        int count = client.PortNames().Count;
        int length = 0;
        RtMidiNative.rtmidi_get_port_name(client.Handle, (uint)count, null, &length);

        Assert.True(client.Handle.Ok);
        Assert.Equal([$"MidiOutJack::getPortName: the 'portNumber' argument ({count}) is invalid."], warnings);
        Assert.Null(client.Errors.TakeError());
    }

    [Fact]
    public void OpenPort_IndexNoLongerValid_SaysPortsChanged()
    {
        using MidiInputPort somePort = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: JackTestPorts.UniqueClient("badin"));
        using RtMidiClient client = RtMidiClient.CreateOutput(MidiApi.Jack, JackTestPorts.UniqueClient("badidx"));

        var error = Assert.Throws<MidiDeviceException>(() => client.OpenPort(9999, "out"));

        Assert.Equal("MIDI port 9999 no longer exists (ports changed while opening); try again.", error.Message);
    }
}
