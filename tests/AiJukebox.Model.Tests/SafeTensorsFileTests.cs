using System.Buffers.Binary;
using System.Text.Json;

using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

public sealed class SafeTensorsFileTests
{
    [Fact]
    public void SaveThenLoad_RoundTripsValuesShapesAndMetadata()
    {
        using var dir = new TempDirectory();
        using var a = arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var b = tensor(new float[] { -1.5f });
        SafeTensorsFile.Save(dir["w.safetensors"], new Dictionary<string, Tensor> { ["b"] = b, ["a"] = a }, new Dictionary<string, string> { ["k"] = "v" });

        var loaded = SafeTensorsFile.Load(dir["w.safetensors"], out var metadata);

        Assert.Equal("v", metadata["k"]);
        Assert.Equal([2L, 3L], loaded["a"].shape);
        Assert.Equal([0f, 1, 2, 3, 4, 5], loaded["a"].data<float>().ToArray());
        Assert.Equal([-1.5f], loaded["b"].data<float>().ToArray());
        foreach (var t in loaded.Values)
        {
            t.Dispose();
        }
    }

    [Fact]
    public void Save_WritesTheStandardLayout()
    {
        using var dir = new TempDirectory();
        using var a = ones(2, 2);
        SafeTensorsFile.Save(dir["w.safetensors"], new Dictionary<string, Tensor> { ["a"] = a }, new Dictionary<string, string>());
        var bytes = File.ReadAllBytes(dir["w.safetensors"]);

        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var entry = header.RootElement.GetProperty("a");

        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Equal("F32", entry.GetProperty("dtype").GetString());
        Assert.Equal([0, 16], entry.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(8 + headerLength + 16, bytes.Length);
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + headerLength));
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", "inconsistent offsets")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", "inconsistent offsets")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", "inconsistent offsets")] // past the data
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", "impossible shape")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647],\"data_offsets\":[0,8]}}", "impossible shape")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", "not described")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":\"two\",\"data_offsets\":[0,8]}}", "not described")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", "overlap")]
    [InlineData("{\"a\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}}", "not F32")]

    // Each escaped as another exception type before: a non-string metadata value and a tensor
    // named twice found by tests/AiJukebox.Fuzz, a header or __metadata__ that is not an object
    // found reading the same code.
    [InlineData("[]", "header is not a JSON object")]
    [InlineData("{\"__metadata__\":{\"format\":1}}", "metadata 'format' is not a string")]
    [InlineData("{\"__metadata__\":[1]}", "its __metadata__ is not an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", "named twice")]
    public void Load_HostileHeader_IsInvalidDataNamingTheFault(string header, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir["hostile.safetensors"];
        var headerBytes = System.Text.Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Load(path, out _));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Theory]
    [InlineData("{\"__metadata__\":{\"format\":\"\xFF\"}}", "metadata is not valid UTF-8")]
    [InlineData("{\"\xFF\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", "tensor name is not valid UTF-8")]
    public void Load_HeaderWithInvalidUtf8_IsInvalidData(string header, string expected)
    {
        // \xFF stands for the raw byte 0xFF, which no UTF-8 text holds.
        using var dir = new TempDirectory();
        var path = dir["hostile.safetensors"];
        var headerBytes = header.Select(c => (byte)c).ToArray();
        var bytes = new byte[8 + headerBytes.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Load(path, out _));

        Assert.Contains(expected, error.Message);
    }
}
