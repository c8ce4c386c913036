using System.Globalization;

namespace AiJukebox.Devices.Tests.Jack;

/// <summary>
/// One line of <c>jack_midi_dump</c> output, e.g. <c>  26256: 90 3c 40 note on  (channel  0): pitch  60, velocity  64</c>:
/// a frame time, a colon, the message bytes in hex, then a description.
/// </summary>
public sealed record JackMidiDumpLine(long Frame, byte[] Bytes)
{
    public static bool TryParse(string line, out JackMidiDumpLine? parsed)
    {
        parsed = null;
        int colon = line.IndexOf(':');
        if (colon <= 0 || !long.TryParse(line.AsSpan(0, colon).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long frame))
        {
            return false;
        }

        var bytes = new List<byte>();
        foreach (string token in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length != 2 || !byte.TryParse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value))
            {
                break;
            }

            bytes.Add(value);
        }

        if (bytes.Count == 0)
        {
            return false;
        }

        parsed = new JackMidiDumpLine(frame, bytes.ToArray());
        return true;
    }
}
