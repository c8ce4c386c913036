using System.Buffers.Binary;

namespace AiJukebox.Music.Tests;

/// <summary>Builds Standard MIDI File bytes by hand, so tests can make exactly the file they need.</summary>
internal static class Smf
{
    public static readonly byte[] EndOfTrack = [0xFF, 0x2F, 0x00];

    public static byte[] File(int format, int division, params byte[][] tracks) =>
        [.. Header(format, tracks.Length, division), .. tracks.SelectMany(t => Chunk("MTrk", t))];

    public static byte[] Header(int format, int tracks, int division)
    {
        var header = new byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)format);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)tracks);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), (ushort)division);
        return header;
    }

    public static byte[] Chunk(string id, byte[] data, int? lengthField = null)
    {
        var chunk = new byte[8 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4), (uint)(lengthField ?? data.Length));
        data.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>Track data: each event is a delta time followed by its bytes; end of track appended.</summary>
    public static byte[] Track(params (int Delta, byte[] Bytes)[] events) =>
        [.. events.SelectMany(e => (byte[])[.. Delta(e.Delta), .. e.Bytes]), 0x00, .. EndOfTrack];

    public static (int, byte[]) On(int delta, int pitch, int velocity = 100, int channel = 0) => (delta, [(byte)(0x90 | channel), (byte)pitch, (byte)velocity]);

    public static (int, byte[]) Off(int delta, int pitch, int channel = 0) => (delta, [(byte)(0x80 | channel), (byte)pitch, 0x40]);

    public static (int, byte[]) Pedal(int delta, bool down, int channel = 0) => (delta, [(byte)(0xB0 | channel), 64, (byte)(down ? 127 : 0)]);

    public static (int, byte[]) Tempo(int delta, double bpm)
    {
        var micros = (int)Math.Round(60_000_000 / bpm);
        return (delta, [0xFF, 0x51, 0x03, (byte)(micros >> 16), (byte)(micros >> 8), (byte)micros]);
    }

    public static (int, byte[]) TimeSignature(int delta, int numerator, int denominatorPower) =>
        (delta, [0xFF, 0x58, 0x04, (byte)numerator, (byte)denominatorPower, 24, 8]);

    public static (int, byte[]) Raw(int delta, params byte[] bytes) => (delta, bytes);

    public static byte[] Delta(int value)
    {
        var bytes = new List<byte> { (byte)(value & 0x7F) };
        while ((value >>= 7) > 0)
        {
            bytes.Insert(0, (byte)(0x80 | (value & 0x7F)));
        }

        return bytes.ToArray();
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
