using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// The safetensors format (readable with Python's safetensors/PyTorch): an 8-byte little-endian
/// header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
/// little-endian data. Only float32 tensors are written, which is all our networks hold.
/// </summary>
internal static class SafeTensorsFile
{
    /// <summary>Writes the tensors (sorted by name, so the bytes are deterministic) atomically.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors writing needs a little-endian machine.");
        }

        var names = tensors.Keys.Order(StringComparer.Ordinal).ToArray();
        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            long offset = 0;
            foreach (var name in names)
            {
                var tensor = tensors[name];
                if (tensor.dtype != ScalarType.Float32)
                {
                    throw new NotSupportedException($"Tensor '{name}' is {tensor.dtype}; only float32 is written.");
                }

                var size = tensor.numel() * sizeof(float);
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var dimension in tensor.shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + size);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += size;
            }

            json.WriteEndObject();
        }

        // The format asks for the data to start 8-byte aligned; spaces are valid JSON padding.
        while (header.Length % 8 != 0)
        {
            header.WriteByte((byte)' ');
        }

        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header.GetBuffer(), 0, (int)header.Length);
            foreach (var name in names)
            {
                using var detached = tensors[name].detach();
                using var contiguous = detached.contiguous();
                stream.Write(contiguous.bytes);
            }
        });
    }

    /// <summary>Reads the metadata only.</summary>
    /// <exception cref="InvalidDataException">The file is not a safetensors file.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = ReadHeader(stream, path, out _);
        return Metadata(document, path);
    }

    /// <summary>The bytes of tensor data behind the header (what the tensors may use at most).</summary>
    /// <exception cref="InvalidDataException">The file is not a safetensors file.</exception>
    public static long DataBytes(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = ReadHeader(stream, path, out var dataStart);
        return stream.Length - dataStart;
    }

    /// <summary>Reads every tensor as a new float32 tensor; the caller owns (and disposes) them.</summary>
    /// <exception cref="InvalidDataException">The file is not a safetensors file we can read.</exception>
    public static Dictionary<string, Tensor> Load(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        using var stream = File.OpenRead(path);
        using var document = ReadHeader(stream, path, out var dataStart);
        metadata = Metadata(document, path);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var ranges = new List<(long Begin, long End, string Name)>();
        var dataLength = stream.Length - dataStart;
        try
        {
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    continue;
                }

                var (shape, begin, end) = Describe(entry, path);
                var count = shape.Aggregate(1L, (a, b) => a * b);
                if (begin < 0 || end < begin || end > dataLength || end - begin != count * sizeof(float))
                {
                    throw new InvalidDataException($"{path}: tensor '{entry.Name}' has inconsistent offsets [{begin}, {end}) for its shape and the file's {dataLength} data bytes.");
                }

                if (result.ContainsKey(entry.Name))
                {
                    throw new InvalidDataException($"{path}: tensor '{entry.Name}' is named twice.");
                }

                ranges.Add((begin, end, entry.Name));

                var bytes = new byte[end - begin];
                stream.Position = dataStart + begin;
                stream.ReadExactly(bytes);
                var values = new float[count];
                Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
                result.Add(entry.Name, tensor(values, shape));
            }

            // Tensors that share bytes are not a file our writer makes, and could alias weights.
            ranges.Sort();
            for (var i = 1; i < ranges.Count; i++)
            {
                if (ranges[i].Begin < ranges[i - 1].End)
                {
                    throw new InvalidDataException($"{path}: tensors '{ranges[i - 1].Name}' and '{ranges[i].Name}' overlap.");
                }
            }
        }
        catch (Exception e)
        {
            foreach (var tensor in result.Values)
            {
                tensor.Dispose();
            }

            // A name that is not valid UTF-8 surfaces only when it is read.
            if (e is InvalidOperationException)
            {
                throw new InvalidDataException($"{path}: not a safetensors file (a tensor name is not valid UTF-8).", e);
            }

            throw;
        }

        return result;
    }

    /// <summary>A tensor entry's shape and byte range, checked to be a float32 entry of sane numbers.</summary>
    private static (long[] Shape, long Begin, long End) Describe(JsonProperty entry, string path)
    {
        try
        {
            if (entry.Value.GetProperty("dtype").GetString() != "F32")
            {
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' is not F32.");
            }

            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            // Dimensions beyond 2^31 elements could overflow the element count; no network of ours is near.
            if (offsets.Length != 2 || shape.Length > 8 || shape.Any(d => d is < 0 or > int.MaxValue) || shape.Aggregate(1.0, (a, b) => a * b) > int.MaxValue)
            {
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' has an impossible shape or offsets.");
            }

            return (shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: tensor '{entry.Name}' is not described as safetensors describes a tensor ({e.Message}).", e);
        }
    }

    private static JsonDocument ReadHeader(FileStream stream, string path, out long dataStart)
    {
        Span<byte> length = stackalloc byte[8];
        if (stream.Read(length) != 8)
        {
            throw new InvalidDataException($"{path}: too short for a safetensors file.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(length);
        if (headerLength > 100_000_000 || (long)headerLength > stream.Length - 8)
        {
            throw new InvalidDataException($"{path}: not a safetensors file (header length {headerLength}).");
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        dataStart = 8 + (long)headerLength;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a safetensors file ({e.Message}).", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException($"{path}: not a safetensors file (its header is not a JSON object).");
        }

        return document;
    }

    private static Dictionary<string, string> Metadata(JsonDocument document, string path)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("__metadata__", out var element))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: not a safetensors file (its __metadata__ is not an object).");
            }

            try
            {
                foreach (var property in element.EnumerateObject())
                {
                    metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : throw new InvalidDataException($"{path}: not a safetensors file (metadata '{property.Name}' is not a string).");
                }
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"{path}: not a safetensors file (its metadata is not valid UTF-8).", e);
            }
        }

        return metadata;
    }
}
