using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>A running <c>jack_midi_dump</c> (an independent JACK MIDI reader) whose lines are parsed as they come.</summary>
public sealed class JackMidiDump : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JackMidiDumpLine> _lines = new();

    public JackMidiDump(JackServerFixture jack, string clientName)
    {
        // stdbuf: jack_midi_dump printf()s into a pipe, which is block-buffered otherwise.
        _process = jack.Start("stdbuf", "-oL", "jack_midi_dump", "-a", clientName);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && JackMidiDumpLine.TryParse(e.Data, out JackMidiDumpLine? line))
            {
                _lines.Enqueue(line!);
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        InputPort = clientName + ":input";
        jack.WaitForPort(InputPort);
    }

    public string InputPort { get; }

    public Process Process => _process;

    /// <summary>Sends probes until one arrives (see <see cref="JackTestPorts.Handshake"/>), then forgets what arrived.</summary>
    public void Handshake(MidiOutputPort output)
    {
        var deadline = Stopwatch.StartNew();
        while (_lines.IsEmpty)
        {
            output.Send(JackTestPorts.Probe);
            Thread.Sleep(20);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), $"no data reached {InputPort} from {output.Name}");
        }

        Thread.Sleep(100);
        _lines.Clear();
    }

    /// <summary>Waits until <paramref name="count"/> messages arrived (or 10 s passed) and returns them.</summary>
    public IReadOnlyList<JackMidiDumpLine> WaitFor(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (_lines.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(20);
        }

        return _lines.ToArray();
    }

    public void Dispose()
    {
        JackServerFixture.Terminate(_process);
        _process.Dispose();
    }
}
