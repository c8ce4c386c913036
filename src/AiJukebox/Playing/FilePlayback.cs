using System.Diagnostics;

using AiJukebox.Live;
using AiJukebox.Music;

namespace AiJukebox.Playing;

/// <summary>
/// Plays a .mid file's notes (and program changes) to a MIDI sink on its own thread (the Generate
/// screen's "play it"): sleeps until shortly before each message, then spins to its time. Stopping,
/// or reaching the end, ends every note that still sounds.
/// </summary>
internal sealed class FilePlayback : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 500;
    private readonly (long Ticks, byte Status, byte Pitch, byte Velocity)[] _events;
    private readonly IMidiSink _sink;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>Reads <paramref name="path"/> and starts playing it to <paramref name="sink"/> at once.</summary>
    /// <exception cref="MidiImportException">The file is not readable MIDI.</exception>
    public FilePlayback(string path, IMidiSink sink)
    {
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 20);
        _events = [.. MidiFileMessages.Read(path).Select(m => (Ticks: start + (long)(m.Seconds * Stopwatch.Frequency), m.Status, Pitch: m.Data1, Velocity: m.Data2))];
        _sink = sink;
        Name = Path.GetFileName(path);
        _thread = new Thread(Run) { Name = "AI Jukebox file playback", IsBackground = true };
        _thread.Start();
    }

    public string Name { get; }

    public bool IsRunning => _thread.IsAlive;

    /// <summary>Why the playback stopped early (a send failed), or null.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Stops (every sounding note ends) and waits for the thread.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        var sounding = new HashSet<(byte Status, byte Pitch)>();
        Span<byte> message = stackalloc byte[3];
        try
        {
            foreach (var (ticks, status, pitch, velocity) in _events)
            {
                while (!_stop && Stopwatch.GetTimestamp() < ticks - SpinTicks)
                {
                    Thread.Sleep(1);
                }

                while (!_stop && Stopwatch.GetTimestamp() < ticks)
                {
                    Thread.SpinWait(20);
                }

                if (_stop)
                {
                    break;
                }

                Send(status, pitch, velocity, message);
                if (status >= 0xA0)
                {
                    continue;
                }

                if (status >= 0x90)
                {
                    sounding.Add(((byte)(status & 0x0F), pitch));
                }
                else
                {
                    sounding.Remove(((byte)(status & 0x0F), pitch));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A port that vanished mid-file ends the playback, not the process.
            Fault = e;
        }

        foreach (var (channel, pitch) in sounding)
        {
            try
            {
                Send((byte)(0x80 | channel), pitch, 0, message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fault ??= e;
                break;
            }
        }
    }

    private void Send(byte status, byte pitch, byte velocity, Span<byte> message)
    {
        message[0] = status;
        message[1] = pitch;
        message[2] = velocity;
        _sink.Send(message);
    }
}
