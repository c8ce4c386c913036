namespace AiJukebox.Devices.Tests.Jack;

[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class JackLifecycleTests(JackServerFixture jack)
{
    [Fact]
    public void InputDisposed_WhileMessagesStream_IsCleanAndTheNameCanBeReused()
    {
        string client = JackTestPorts.UniqueClient("cin");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var sender = new Thread(() =>
        {
            try
            {
                for (int i = 0; !stop.IsCancellationRequested; i++)
                {
                    output.Send(JackTestPorts.Numbered(i));

                    // Paced below what a JACK period holds: unpaced, every period overflows
                    // libjack's port buffer and each dropped message is a line on stderr.
                    Thread.Sleep(1);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        sender.Start();

        for (int round = 0; round < 5; round++)
        {
            using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, $"{client}:out", clientName: client + "r");
            Assert.NotEmpty(JackTestPorts.Drain(input, 20));
            input.Dispose();
            Assert.Throws<ObjectDisposedException>(() => input.TryRead(out _));
        }

        stop.Cancel();
        Assert.True(sender.Join(TimeSpan.FromSeconds(10)));
        Assert.Null(failure);
    }

    [Fact]
    public void OutputDisposed_WhileAnotherThreadSends_SenderGetsObjectDisposed()
    {
        string client = JackTestPorts.UniqueClient("cout");
        using MidiInputPort input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        MidiOutputPort output = MidiSystem.OpenOutput(MidiApi.Jack, $"{client}:in", client + "s");
        using var started = new ManualResetEventSlim();
        Exception? failure = null;
        var sender = new Thread(() =>
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    output.Send(JackTestPorts.Numbered(i));
                    started.Set();

                    // Paced below what a JACK period holds: a flood only fills libjack's buffer
                    // (and stderr) without exercising anything more.
                    Thread.Sleep(1);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        sender.Start();
        try
        {
            Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
            Assert.Equal(10, JackTestPorts.Drain(input, 10).Count);
        }
        finally
        {
            // Also on a failed assertion, so the sender never outlives the test.
            output.Dispose();
        }

        Assert.True(sender.Join(TimeSpan.FromSeconds(10)), "the sender hung");
        Assert.IsType<ObjectDisposedException>(failure);
        Assert.DoesNotContain($"{client}s:out", jack.ListPorts());
    }

    [Fact]
    public void OpenedOutput_WhenTheOtherPortVanishes_ReportsPortLostOnceAndKeepsAcceptingSends()
    {
        string client = JackTestPorts.UniqueClient("lost");
        var dump = new JackMidiDump(jack, client + "d");
        using MidiOutputPort output = MidiSystem.OpenOutput(MidiApi.Jack, dump.InputPort, client);
        int reports = 0;
        using var lost = new ManualResetEventSlim();
        string? message = null;
        output.PortLost += (_, text) =>
        {
            message = text;
            Interlocked.Increment(ref reports);
            lost.Set();
        };
        dump.Handshake(output);

        dump.Dispose();

        Assert.True(lost.Wait(TimeSpan.FromSeconds(15)), "PortLost was not raised");
        output.Send([0x80, 60, 0]);
        Thread.Sleep(3 * (int)MidiSystem.WatchInterval.TotalMilliseconds);
        Assert.Equal(1, Volatile.Read(ref reports));
        Assert.Contains($"'{client}d:input' disappeared", message);
    }

    [Fact]
    public void OpenedInput_WhenTheSourceVanishes_ReportsPortLost()
    {
        string client = JackTestPorts.UniqueClient("lsrc");
        MidiOutputPort source = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, source.Name, clientName: client + "r");
        using var lost = new ManualResetEventSlim();
        input.PortLost += (_, _) => lost.Set();

        source.Dispose();

        Assert.True(lost.Wait(TimeSpan.FromSeconds(15)), "PortLost was not raised");
        Assert.False(input.TryRead(out _));
    }

    [Fact]
    public void CreateVirtualOutput_WithNoJackServer_SaysToStartOne()
    {
        // Tests of this collection run one at a time, so pointing libjack elsewhere briefly is safe.
        JackServerFixture.SetEnvironment("JACK_DEFAULT_SERVER", "aijb-no-such-server");
        try
        {
            var error = Assert.Throws<MidiDeviceException>(() => MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", "nojack"));
            Assert.StartsWith("No JACK server is running", error.Message);
        }
        finally
        {
            JackServerFixture.SetEnvironment("JACK_DEFAULT_SERVER", jack.ServerName);
        }
    }
}
