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
}
