using System.Diagnostics;

using AiJukebox.Devices.Jack;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>AI Jukebox's own JACK client against a real private JACK server, read by jack_midi_dump and by our JACK input.</summary>
[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class JackClientTests(JackServerFixture jack)
{
    private const int Rate = 48_000;
    private const int Period = 64; // the shared fixture's server

    // The placement tests use a fresh server of their own with a 256-frame period: the shared
    // 64-frame one has xruns every second on a loaded 2-core machine, and after many its frame
    // clock runs seconds away from the wall clock.
    private const int FreshPeriod = 256;

    [Fact]
    public void TrySendAt_PlacesEachMessageAtTheFrameOfItsTime_AtTwoReaders()
    {
        using var fresh = new JackServerFixture(FreshPeriod);
        try
        {
            PlacesEachMessageAtTheFrameOfItsTime(fresh);
        }
        finally
        {
            JackServerFixture.SetEnvironment("JACK_DEFAULT_SERVER", jack.ServerName);
        }
    }

    private static void PlacesEachMessageAtTheFrameOfItsTime(JackServerFixture server)
    {
        string client = JackTestPorts.UniqueClient("frame");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, output.Name, clientName: client + "r");
        using var dump = new JackMidiDump(server, client + "d");
        server.Connect(output.Name, dump.InputPort);
        JackTestPorts.Handshake(output, input);
        dump.Handshake(output);
        long xruns = output.Xruns;

        // Pairs 37 ms apart (so they fall on every phase of the period): a note-on at T and its
        // note-off half a millisecond (24 frames) later, each handed over 30 ms early.
        const int Pairs = 20;
        long gap = Stopwatch.Frequency / 2000;
        long start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10);
        var dues = new List<long>();
        for (int i = 0; i < Pairs; i++)
        {
            long due = start + (i * 37 * Stopwatch.Frequency / 1000);
            while (Stopwatch.GetTimestamp() < due - (30 * Stopwatch.Frequency / 1000))
            {
                Thread.Sleep(1);
            }

            Assert.True(output.TrySendAt(due, [0x90, (byte)(40 + i), 100]));
            Assert.True(output.TrySendAt(due + gap, [0x80, (byte)(40 + i), 0]));
            dues.Add(due);
            dues.Add(due + gap);
        }

        List<MidiInputMessage> received = JackTestPorts.Drain(input, 2 * Pairs);
        IReadOnlyList<JackMidiDumpLine> dumped = WithoutProbes(dump, 2 * Pairs);
        Assert.Equal(2 * Pairs, received.Count);
        Assert.Equal(2 * Pairs, dumped.Count);
        Assert.Equal(received.Select(m => m.Bytes.ToArray()), dumped.Select(l => l.Bytes));

        // Our input stamps an event from its frame, minus the one period the output adds: a
        // message comes back stamped with the time it was due, to within two frames (42 µs), unless
        // it reached the process callback after its frame had passed (a stalled sender or server;
        // counted, and written at once).
        long frameTicks = Stopwatch.Frequency / Rate;
        var late = ((JackMidiOutputPort)output).LateEvents;
        var off = Enumerable.Range(0, received.Count).Count(i => Math.Abs(received[i].Timestamp - dues[i]) > 2 * frameTicks);
        Assert.True(off <= late, $"{off} of {received.Count} came back more than 2 frames from their time ({late} reached the callback after their frame, {output.Xruns - xruns} xruns): "
            + string.Join(", ", Enumerable.Range(0, received.Count).Select(i => (received[i].Timestamp - dues[i]) / frameTicks)));

        // jack_midi_dump, an independent reader, sees each note-off 0.5/37 of the way from its
        // note-on to the next note-on: 24 frames at a nominal 48 kHz, fewer where the loaded dummy
        // server's frame clock runs slow (JACK's own time-to-frame estimate, which the placement
        // follows), to within 6 frames (0.125 ms: JACK's estimate of the wall clock is followed
        // smoothly, not exactly). On a loaded machine an xrun or a callback woken late (16 ms was
        // seen) moves a pair now and then, so three in four must be there; period-quantized output
        // (RtMidi's: 0 or 256 frames) would place none.
        var gaps = Enumerable.Range(0, Pairs - 1).Select(i => (
            Gap: dumped[(2 * i) + 1].Frame - dumped[2 * i].Frame,
            Expected: (dumped[2 * (i + 1)].Frame - dumped[2 * i].Frame) * 0.5 / 37)).ToList();
        int moved = gaps.Count(g => Math.Abs(g.Gap - g.Expected) > 6);
        Assert.True(moved * 4 <= gaps.Count, $"{moved} of {gaps.Count} note-offs were not where their time puts them; {output.Xruns - xruns} xruns, {late} late, skew {((JackMidiOutputPort)output).Skew} us; gap/expected "
            + string.Join(", ", gaps.Select(g => $"{g.Gap}/{g.Expected:0.0}")));

        // Inside the period, not at its start (where RtMidi's JACK output puts everything).
        Assert.True(dumped.Select(l => l.Frame % FreshPeriod).Distinct().Count() > 8, string.Join(", ", dumped.Select(l => l.Frame % FreshPeriod)));
        Assert.Equal(0, output.Undelivered);
    }

    private static void WaitUntilWritten(JackMidiOutputPort output)
    {
        var waited = Stopwatch.StartNew();
        while (output.Pending > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(5);
        }
    }

    /// <summary>Waits for <paramref name="count"/> lines that are not handshake probes (whose output may come late).</summary>
    private static List<JackMidiDumpLine> WithoutProbes(JackMidiDump dump, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var lines = dump.WaitFor(count).Where(l => !l.Bytes.SequenceEqual(JackTestPorts.Probe)).ToList();
            if (lines.Count >= count || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return lines;
            }

            Thread.Sleep(20);
        }
    }

    [Fact]
    public void VirtualOutput_ReportsOnePeriodOfCaptureLatency()
    {
        string client = JackTestPorts.UniqueClient("lat");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);

        var (code, text) = jack.Run("jack_lsp", "-l", output.Name);

        Assert.Equal(0, code);
        Assert.Contains($"port capture latency = [ {Period} {Period} ] frames", text);
        Assert.Equal(TimeSpan.FromMilliseconds(100), output.ScheduleAhead);
    }

    [Fact]
    public void CancelScheduled_DropsWhatWaits_ButItsNoteOffsLeaveAtOnce()
    {
        using var fresh = new JackServerFixture(FreshPeriod);
        try
        {
            DropsWhatWaitsButItsNoteOffsLeaveAtOnce();
        }
        finally
        {
            JackServerFixture.SetEnvironment("JACK_DEFAULT_SERVER", jack.ServerName);
        }
    }

    private static void DropsWhatWaitsButItsNoteOffsLeaveAtOnce()
    {
        string client = JackTestPorts.UniqueClient("cancel");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, output.Name, clientName: client + "r");
        JackTestPorts.Handshake(output, input);

        long now = Stopwatch.GetTimestamp();
        long second = Stopwatch.Frequency;
        Assert.True(output.TrySendAt(now + second, [0x90, 60, 100]));
        Assert.True(output.TrySendAt(now + (2 * second), [0x80, 60, 0]));
        Assert.True(output.TrySendAt(now + (second * 5 / 2), [0x90, 62, 100]));
        output.CancelScheduled();
        Assert.True(output.TrySendAt(now + (3 * second), [0x90, 64, 100]));

        List<MidiInputMessage> received = JackTestPorts.Drain(input, 2);
        Assert.Equal([[0x80, 60, 0], [0x90, 64, 100]], received.Select(m => m.Bytes.ToArray()));

        // At once: before even the time of the note-on it belonged to.
        Assert.True(received[0].Timestamp - now < second, $"the cancelled note-off came {(received[0].Timestamp - now) * 1000 / second} ms after the cancel");
        long frameTicks = Stopwatch.Frequency / Rate;
        Assert.InRange(received[1].Timestamp - (now + (3 * second)), -2 * frameTicks, 2 * frameTicks);
    }

    [Fact]
    public void Send_FasterThanTheRingDrains_CountsEveryMessageItCouldNotDeliver()
    {
        string client = JackTestPorts.UniqueClient("flood");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, output.Name, new MidiInputOptions { QueueCapacity = 1 << 16 }, client + "r");
        JackTestPorts.Handshake(output, input);
        var jackOutput = (JackMidiOutputPort)output;
        WaitUntilWritten(jackOutput); // the handshake's last probes
        long writtenBefore = jackOutput.Written;

        const int Count = 20_000;
        for (int i = 0; i < Count; i++)
        {
            output.Send(JackTestPorts.Numbered(i));
        }

        WaitUntilWritten(jackOutput);

        long written = jackOutput.Written - writtenBefore;
        Assert.True(output.Undelivered > 0, "a flood of 20 000 sends did not fill the 1024-message ring");
        Assert.Equal(Count, written + output.Undelivered);
        List<MidiInputMessage> received = JackTestPorts.Drain(input, (int)written);
        Assert.Equal(written, received.Count + input.DroppedCount + input.Undelivered);
    }

    [Fact]
    public void ServerShutdown_ReportsPortLostInOneClearLine_AndTheOutputStillCloses()
    {
        MidiOutputPort output;
        MidiInputPort input;
        var other = new JackServerFixture();
        try
        {
            output = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", "shutdown");
            input = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "shutdownr");
        }
        finally
        {
            JackServerFixture.SetEnvironment("JACK_DEFAULT_SERVER", jack.ServerName);
        }

        using var lost = new CountdownEvent(2);
        string? message = null;
        output.PortLost += (_, text) =>
        {
            message = text;
            lost.Signal();
        };
        input.PortLost += (_, _) => lost.Signal();

        other.Dispose();

        Assert.True(lost.Wait(TimeSpan.FromSeconds(15)), "PortLost was not raised on both ports");
        Assert.StartsWith("The JACK server shut down", message);
        Assert.DoesNotContain('\n', message!);
        output.Send([0x80, 60, 0]); // into the ring of a client whose server is gone: no crash
        var closer = new Thread(() =>
        {
            output.Dispose();
            input.Dispose();
        });
        closer.Start();
        Assert.True(closer.Join(TimeSpan.FromSeconds(10)), "closing the ports hung");
    }

    [Fact]
    public void RtMidiJack_StillSendsThroughRtMidi()
    {
        string client = JackTestPorts.UniqueClient("rtj");
        using MidiOutputPort output = MidiSystem.CreateVirtualOutput(MidiApi.RtMidiJack, "out", client);
        using MidiInputPort input = MidiSystem.OpenInput(MidiApi.Jack, $"{client}:out", clientName: client + "r");
        JackTestPorts.Handshake(output, input);
        for (int i = 0; i < 10; i++)
        {
            output.Send(JackTestPorts.Numbered(i));
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(JackTestPorts.Numbered), JackTestPorts.Drain(input, 10).Select(m => m.Bytes.ToArray()));
        Assert.Equal(MidiApi.RtMidiJack, output.Api);
        Assert.Equal(TimeSpan.Zero, output.ScheduleAhead);
        Assert.Equal(0, output.Xruns);
    }
}
