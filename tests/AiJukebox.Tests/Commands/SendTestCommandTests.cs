using AiJukebox.Commands;
using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Jack;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Tests.Commands;

[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class SendTestCommandTests(JackServerFixture jack)
{
    [Fact]
    public void SendTest_ToJackMidiDump_PlaysTheScaleThenAllNotesOff()
    {
        using var dump = new JackMidiDump(jack, "clisendtest");

        var (code, output, error) = CliRunner.Run(SendTestCommand.Create(), "--api", "jack", "--out", "clisendtest", "--note-ms", "20", "--wait", "1");
        IReadOnlyList<JackMidiDumpLine> lines = dump.WaitFor(31);

        Assert.True(code == 0, error);
        Assert.Contains("Playing a C major scale (15 notes) on 'clisendtest:input', channel 1.", output);
        var expected = SendTestCommand.Scale.SelectMany(n => new[] { new byte[] { 0x90, n, 100 }, [0x80, n, 0] }).Append([0xB0, 123, 0]);
        Assert.Equal(expected, lines.Select(l => l.Bytes));
    }

    [Fact]
    public void SendTest_VirtualPort_ReachesAnInputThatConnectsDuringTheWait()
    {
        using MidiInputPort listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "clivirt");
        var connector = new Thread(() =>
        {
            jack.WaitForPort("aijukebox:check");
            jack.Connect("aijukebox:check", "clivirt:in");
        });
        connector.Start();

        var (code, _, error) = CliRunner.Run(SendTestCommand.Create(), "--api", "jack", "--virtual", "check", "--note-ms", "10", "--wait", "2", "--channel", "10");
        connector.Join();
        List<MidiInputMessage> received = JackTestPorts.Drain(listener, 31);

        Assert.True(code == 0, error);
        Assert.Equal(31, received.Count);
        Assert.All(received, m => Assert.Equal(9, m.Status & 0x0F));
    }

    [Fact]
    public void SendTest_MissingPort_ExitsOneListingThePorts()
    {
        using MidiInputPort sink = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "climiss");

        var (code, _, error) = CliRunner.Run(SendTestCommand.Create(), "--api", "jack", "--out", "no-such-synth");

        Assert.Equal(1, code);
        Assert.Contains("MIDI output 'no-such-synth' not found; the output ports are: ", error);
        Assert.Contains("'climiss:in'", error);
    }

    [Fact]
    public void SendTest_NoPortGiven_ExitsTwoListingOutputs()
    {
        using MidiInputPort sink = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "clinone");

        var (code, _, error) = CliRunner.Run(SendTestCommand.Create(), "--api", "jack");

        Assert.Equal(2, code);
        Assert.StartsWith("Give --out PORT or --virtual NAME; the jack outputs are: ", error);
        Assert.Contains("'clinone:in'", error);
    }

    [Fact]
    public void SendTest_ChannelOutOfRange_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run(SendTestCommand.Create(), "--api", "jack", "--virtual", "x", "--channel", "17");

        Assert.Equal(2, code);
        Assert.Equal("--channel must be 1 to 16.", error.Trim());
    }
}
