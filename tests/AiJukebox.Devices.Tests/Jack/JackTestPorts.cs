using System.Diagnostics;

using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>Helpers shared by the JACK tests: unique client names and draining an input.</summary>
internal static class JackTestPorts
{
    private static int _counter;

    /// <summary>A JACK client name no other test uses (JACK would otherwise rename the client).</summary>
    public static string UniqueClient(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    /// <summary>Reads from <paramref name="input"/> until <paramref name="count"/> messages arrived or 10 s passed; skips <see cref="Probe"/>s.</summary>
    public static List<MidiInputMessage> Drain(MidiInputPort input, int count)
    {
        var received = new List<MidiInputMessage>(count);
        var deadline = Stopwatch.StartNew();
        while (received.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (input.TryRead(out MidiInputMessage message))
            {
                if (!message.Bytes.SequenceEqual(Probe))
                {
                    received.Add(message);
                }
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        return received;
    }

    /// <summary>A message no test sends otherwise, used to find out when a new connection carries data.</summary>
    public static readonly byte[] Probe = [0xBF, 0x7F, 0x7F];

    /// <summary>
    /// JACK applies a new connection from a later process cycle (later still on a loaded machine), so a
    /// message sent right after connecting can go nowhere. Sends <see cref="Probe"/> until one arrives,
    /// then discards whatever probes follow it.
    /// </summary>
    public static void Handshake(MidiOutputPort output, MidiInputPort input)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            output.Send(Probe);
            Thread.Sleep(20);
            if (input.TryRead(out _))
            {
                break;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), $"no data reached {input.Name} from {output.Name}");
        }

        Thread.Sleep(100);
        while (input.TryRead(out _))
        {
        }
    }

    /// <summary>A note-on or note-off whose bytes encode <paramref name="i"/>, so order is checkable.</summary>
    public static byte[] Numbered(int i) => [(byte)((i % 2 == 0 ? 0x90 : 0x80) | ((i / 128) % 16)), (byte)(i % 128), 64];
}
