using System.Diagnostics;

using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Tests.Jack;

[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class JackPortTests(JackServerFixture jack)
{
    [Fact]
    public void CreateVirtualOutput_IsListedByJackLsp()
    {
        string client = JackTestPorts.UniqueClient("lsp");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);

        Assert.Contains($"{client}:out", jack.ListPorts());
        Assert.Equal($"{client}:out", output.Name);
        Assert.True(output.IsVirtual);
    }

    [Fact]
    public void CreateVirtualInput_IsListedAsOutputPortOfMidiSystem()
    {
        string client = JackTestPorts.UniqueClient("vin");
        using MidiInputPort input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);

        Assert.Contains(MidiSystem.GetOutputPorts(MidiApi.Jack), p => p.Name == $"{client}:in");
        Assert.DoesNotContain(MidiSystem.GetInputPorts(MidiApi.Jack), p => p.Name == $"{client}:in");
    }

    [Fact]
    public void Send_ToOurInputByExactName_ArrivesInOrderWithMonotonicTimestamps()
    {
        string client = JackTestPorts.UniqueClient("ord");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, $"{client}:out", clientName: client + "r");
        JackTestPorts.Handshake(output, input);
        long before = Stopwatch.GetTimestamp();

        for (int i = 0; i < 200; i++)
        {
            output.Send(JackTestPorts.Numbered(i));
        }

        List<MidiInputMessage> received = JackTestPorts.Drain(input, 200);
        long after = Stopwatch.GetTimestamp();

        Assert.True(received.Count == 200, $"{received.Count} of 200 arrived; jackd said:\n{jack.LogTail}");
        for (int i = 0; i < received.Count; i++)
        {
            Assert.Equal(JackTestPorts.Numbered(i), received[i].Bytes.ToArray());
            Assert.InRange(received[i].Timestamp, before, after);
            Assert.True(i == 0 || received[i].Timestamp >= received[i - 1].Timestamp, $"timestamp went back at {i}");
        }

        Assert.Equal(0, input.DroppedCount);
    }

    [Fact]
    public void Send_ToJackMidiDump_ArrivesInOrder()
    {
        string client = JackTestPorts.UniqueClient("dmp");
        using var dump = new JackMidiDump(jack, client + "d");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        jack.Connect(output.Name, dump.InputPort);
        dump.Handshake(output);

        var sent = Enumerable.Range(0, 50).Select(JackTestPorts.Numbered).ToList();
        foreach (byte[] message in sent)
        {
            output.Send(message);
        }

        IReadOnlyList<JackMidiDumpLine> lines = dump.WaitFor(sent.Count);

        Assert.True(sent.Count == lines.Count, $"{lines.Count} of {sent.Count} arrived; jackd said:\n{jack.LogTail}");
        Assert.Equal(sent, lines.Select(l => l.Bytes).ToList());
        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First.Frame <= p.Second.Frame), "frame times went back");
    }

    [Fact]
    public void OpenOutput_ByUniqueSubstring_ReachesThatPort()
    {
        string client = JackTestPorts.UniqueClient("sub");
        using MidiInputPort input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "keys", clientName: client);
        using MidiOutputPort output = MidiSystem.OpenOutput(MidiApi.Jack, client.ToUpperInvariant() + ":KEY", client + "s");
        JackTestPorts.Handshake(output, input);

        output.Send([0x90, 60, 100]);

        Assert.Equal($"{client}:keys", output.Name);
        Assert.Equal(new byte[] { 0x90, 60, 100 }, JackTestPorts.Drain(input, 1).Single().Bytes.ToArray());
    }

    [Fact]
    public void OpenOutput_ByIndex_ReachesThePortAtThatIndex()
    {
        string client = JackTestPorts.UniqueClient("idx");
        using MidiInputPort input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        int index = MidiSystem.GetOutputPorts(MidiApi.Jack).Single(p => p.Name == $"{client}:in").Index;

        using MidiOutputPort output = MidiSystem.OpenOutput(MidiApi.Jack, index.ToString(System.Globalization.CultureInfo.InvariantCulture), client + "s");
        JackTestPorts.Handshake(output, input);
        output.Send([0xB0, 7, 99]);

        Assert.Equal($"{client}:in", output.Name);
        Assert.Single(JackTestPorts.Drain(input, 1));
    }

    [Fact]
    public void OpenOutput_MissingPort_ThrowsListingThePortsThatExist()
    {
        string client = JackTestPorts.UniqueClient("mis");
        using MidiInputPort input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "here", clientName: client);

        var error = Assert.Throws<MidiPortNotFoundException>(() => MidiSystem.OpenOutput(MidiApi.Jack, "no-such-synth", client + "s"));

        Assert.Contains("'no-such-synth' not found", error.Message);
        Assert.Contains($"'{client}:here'", error.Message);
        Assert.Contains($"{client}:here", error.AvailablePorts);
    }

    [Fact]
    public void OpenInput_AmbiguousSubstring_ThrowsNamingTheMatches()
    {
        string client = JackTestPorts.UniqueClient("amb");
        using MidiOutputPort a = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "one", client);
        using MidiOutputPort b = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "two", client + "x");

        var error = Assert.Throws<MidiPortNotFoundException>(() => MidiSystem.OpenInput(MidiApi.Jack, client, clientName: client + "r"));

        Assert.Contains("matches 2 ports", error.Message);
        Assert.Contains($"'{client}:one'", error.Message);
        Assert.Contains($"'{client}x:two'", error.Message);
    }

    [Fact]
    public void OpenInput_FromJackMidiseq_QueuesItsNotesWithMonotonicTimestamps()
    {
        string client = JackTestPorts.UniqueClient("seq");

        // A 100 ms loop: C4 at 0 for 20 ms, D4 at 50 ms for 20 ms.
        using Process sequencer = jack.Start("jack_midiseq", client, "4800", "0", "60", "960", "2400", "62", "960");
        try
        {
            jack.WaitForPort($"{client}:out");
            using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, $"{client}:out", clientName: client + "r");

            List<MidiInputMessage> received = JackTestPorts.Drain(input, 12);

            Assert.Equal(12, received.Count);
            Assert.All(received, m => Assert.Contains(m.Status & 0xF0, new[] { 0x80, 0x90 }));
            Assert.All(received, m => Assert.Contains(m.Bytes[1], new byte[] { 60, 62 }));
            Assert.Contains(received, m => m.Status == 0x90 && m.Bytes[1] == 62);
            for (int i = 1; i < received.Count; i++)
            {
                Assert.True(received[i].Timestamp >= received[i - 1].Timestamp, $"timestamp went back at {i}");
            }

            Assert.True(received[^1].Timestamp > received[0].Timestamp, "a looping sequence spans time");
        }
        finally
        {
            JackServerFixture.Terminate(sequencer);
        }
    }

    [Fact]
    public void OpenInput_WithClockOption_ReceivesClockThatIsIgnoredByDefault()
    {
        string client = JackTestPorts.UniqueClient("clk");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort plain = MidiSystem.OpenInput(MidiApi.Jack, $"{client}:out", clientName: client + "p");
        using MidiInputPort clocked = MidiSystem.OpenInput(
            MidiApi.Jack, $"{client}:out", new MidiInputOptions { ReceiveClock = true, ReceiveSysex = true }, client + "c");

        JackTestPorts.Handshake(output, clocked);
        JackTestPorts.Handshake(output, plain);
        output.Send([0xF8]);
        output.Send([0xF0, 0x7D, 0x01, 0x02, 0xF7]);
        output.Send([0x90, 64, 1]);

        List<MidiInputMessage> all = JackTestPorts.Drain(clocked, 3);
        List<MidiInputMessage> filtered = JackTestPorts.Drain(plain, 1);

        Assert.Equal(["F8", "F0 7D 01 02 F7", "90 40 01"], all.Select(m => m.ToString()));
        Assert.Equal(["90 40 01"], filtered.Select(m => m.ToString()));
    }

    [Fact]
    public void SendAndTryRead_InSteadyState_AllocateNothing()
    {
        string client = JackTestPorts.UniqueClient("alloc");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, output.Name, clientName: client + "r");
        JackTestPorts.Handshake(output, input);
        ReadOnlySpan<byte> note = [0x90, 60, 100];
        output.Send(note);
        JackTestPorts.Drain(input, 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int read = 0;
        for (int i = 0; i < 1000; i++)
        {
            output.Send(note);
            read += input.TryRead(out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(read + JackTestPorts.Drain(input, 1000 - read).Count == 1000);
    }
}
