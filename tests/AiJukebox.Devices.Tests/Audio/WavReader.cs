using System.Buffers.Binary;

namespace AiJukebox.Devices.Tests.Audio;

/// <summary>
/// A RIFF/WAVE reader written for the tests from the format's description (chunks, "fmt ", "data"),
/// independent of the code under test: 16-bit PCM, any channel count, mixed down to mono.
/// </summary>
internal static class WavReader
{
    public static (float[] Mono, int SampleRate, int Channels) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8), $"{path} is not a RIFF/WAVE file");
        int channels = 0, rate = 0, bits = 0;
        ReadOnlySpan<byte> data = default;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = bytes.AsSpan(at, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4, 4));
            var body = bytes.AsSpan(at + 8, Math.Min(size, bytes.Length - at - 8));
            if (id.SequenceEqual("fmt "u8))
            {
                Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(body)); // PCM
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                data = body;
            }

            at += 8 + size + (size & 1); // chunks are padded to an even size
        }

        Assert.True(channels > 0 && bits == 16, $"{path}: expected 16-bit PCM, got {bits} bits, {channels} channels");
        var frames = data.Length / (2 * channels);
        var mono = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            var sum = 0f;
            for (var c = 0; c < channels; c++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(data[(((f * channels) + c) * 2)..]) / 32768f;
            }

            mono[f] = sum / channels;
        }

        return (mono, rate, channels);
    }
}
