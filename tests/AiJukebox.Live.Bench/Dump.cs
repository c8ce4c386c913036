using System.Diagnostics;
using System.Globalization;

namespace AiJukebox.Live.Bench;

/// <summary><c>jack_midi_dump -a</c> under a given client name, its lines collected.</summary>
internal sealed class Dump : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private Dump(Process process, string client)
    {
        _process = process;
        Port = $"{client}:input";
    }

    public string Port { get; }

    public static Dump Start(string client)
    {
        // stdbuf: jack_midi_dump printf()s into a pipe, which is block-buffered otherwise.
        var start = new ProcessStartInfo("stdbuf") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-oL");
        start.ArgumentList.Add("jack_midi_dump");
        start.ArgumentList.Add("-a");
        start.ArgumentList.Add(client);
        var dump = new Dump(Process.Start(start)!, client);
        dump._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (dump._lines)
                {
                    dump._lines.Add(line);
                }
            }
        };
        dump._process.BeginOutputReadLine();
        dump._process.BeginErrorReadLine();
        Thread.Sleep(500);
        return dump;
    }

    public void Clear()
    {
        lock (_lines)
        {
            _lines.Clear();
        }
    }

    /// <summary>Frame times of the note-ons printed so far.</summary>
    public List<long> NoteOnFrames()
    {
        lock (_lines)
        {
            var frames = new List<long>();
            foreach (var line in _lines)
            {
                var colon = line.IndexOf(':');
                var fields = colon > 0 ? line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
                if (fields.Length >= 3
                    && long.TryParse(line.AsSpan(0, colon).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame)
                    && fields[0].Length == 2 && fields[0][0] == '9' && fields[2] != "00")
                {
                    frames.Add(frame);
                }
            }

            return frames;
        }
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
