using System.Text;
using System.Text.RegularExpressions;

namespace AiJukebox.Fuzz;

/// <summary>
/// Derives hostile inputs from well-formed seeds: byte flips, interesting values, big-endian and
/// little-endian length words, inserted, deleted and repeated runs, splices of two seeds, and for
/// JSON, numbers and strings swapped for edge values, so that a mutant often gets past the parser
/// and reaches the checks behind it.
/// </summary>
internal sealed partial class Mutator(Random random, IReadOnlyList<byte[]> seeds)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x2F, 0x90, 0xF0, 0xF7];

    private static readonly uint[] InterestingWords = [0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 6, 8, 65535, 65536];

    private static readonly string[] InterestingJson = ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "1e308", "-1e308", "0.5", "null", "true", "\"\"", "[]", "{}", "\"../../etc/passwd\"", "\"/etc/passwd\"", "99999999999999999999"];

    public byte[] Next()
    {
        var input = seeds[random.Next(seeds.Count)];
        var json = input.Length > 0 && input[0] == (byte)'{';
        var rounds = 1 + random.Next(random.Next(2) == 0 ? 2 : 8);
        for (var i = 0; i < rounds; i++)
        {
            input = json && random.Next(3) > 0 ? MutateJson(input)
                : SafeTensorsHeaderLength(input) is { } header && random.Next(3) > 0 ? MutateHeader(input, header)
                : MutateBytes(input);
        }

        return input;
    }

    private byte[] MutateBytes(byte[] input)
    {
        var bytes = new List<byte>(input);
        if (bytes.Count == 0)
        {
            bytes.Add(InterestingBytes[random.Next(InterestingBytes.Length)]);
            return [.. bytes];
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(9))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2:
                bytes[at] = (byte)random.Next(256);
                break;
            case 3 or 4:
                var word = InterestingWords[random.Next(InterestingWords.Length)];
                var bigEndian = random.Next(2) == 0;
                for (var k = 0; k < 4 && at + k < bytes.Count; k++)
                {
                    bytes[at + k] = (byte)(bigEndian ? word >> (24 - (8 * k)) : word >> (8 * k));
                }

                break;
            case 5:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                break;
            case 6:
                var run = bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                var repeats = 1 + random.Next(random.Next(2) == 0 ? 4 : 256);
                for (var r = 0; r < repeats; r++)
                {
                    bytes.InsertRange(at, run);
                }

                break;
            case 7:
                var other = seeds[random.Next(seeds.Count)];
                var from = random.Next(Math.Max(1, other.Length));
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(Math.Min(from, other.Length)).ToArray());
                break;
            default:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
        }

        return [.. bytes];
    }

    /// <summary>The JSON header's length when the input is laid out as a safetensors file.</summary>
    private static int? SafeTensorsHeaderLength(byte[] input)
    {
        if (input.Length < 9 || input[8] != (byte)'{')
        {
            return null;
        }

        var length = BitConverter.ToUInt64(input, 0);
        return length <= (ulong)(input.Length - 8) ? (int)length : null;
    }

    /// <summary>Mutates a safetensors header as JSON and writes its new length, so the tensors behind it are reached.</summary>
    private byte[] MutateHeader(byte[] input, int length)
    {
        var header = MutateJson(input[8..(8 + length)]);
        return [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. input.AsSpan(8 + length)];
    }

    private byte[] MutateJson(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var tokens = JsonToken().Matches(text);
        if (tokens.Count == 0)
        {
            return MutateBytes(input);
        }

        var token = tokens[random.Next(tokens.Count)];
        var replacement = random.Next(4) switch
        {
            0 => "",
            1 => token.Value + "," + token.Value,
            _ => InterestingJson[random.Next(InterestingJson.Length)],
        };
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, token.Index), replacement, text.AsSpan(token.Index + token.Length)));
    }

    [GeneratedRegex("""-?\d+(\.\d+)?([eE][-+]?\d+)?|"(?:[^"\\]|\\.)*"|\[|\]|\{|\}|null|true|false""")]
    private static partial Regex JsonToken();
}
