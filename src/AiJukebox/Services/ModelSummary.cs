using System.Buffers.Binary;
using System.Text.Json;

using AiJukebox.Configuration;
using AiJukebox.Model;

namespace AiJukebox.Services;

/// <summary>What the Perform screen shows about a loaded model.</summary>
internal sealed record ModelSummary(string Name, string Kind, string Tokenizer, int Vocabulary, long Parameters, string WeightsPath)
{
    /// <summary>Summarizes <paramref name="loaded"/>; the parameter count comes from the weights file's header.</summary>
    public static ModelSummary Of(LoadedModel loaded) => new(
        loaded.DisplayName,
        $"{loaded.Model.Network.Kind} {loaded.Model.Network.Shape}, {(loaded.Model.AutoEngine == InferenceEngine.Managed ? "managed" : "LibTorch")}",
        loaded.Tokenizer.Name,
        loaded.Tokenizer.Vocabulary.Count,
        CountParameters(loaded.Model.WeightsPath),
        loaded.Model.WeightsPath);

    /// <summary>
    /// Sums the element counts of the tensors listed in a safetensors header (8-byte little-endian
    /// length, then JSON), without loading the tensors; -1 when the header cannot be read.
    /// </summary>
    public static long CountParameters(string safetensorsPath)
    {
        try
        {
            using var file = File.OpenRead(safetensorsPath);
            Span<byte> length = stackalloc byte[8];
            file.ReadExactly(length);
            var header = new byte[checked((int)BinaryPrimitives.ReadUInt64LittleEndian(length))];
            file.ReadExactly(header);
            using var json = JsonDocument.Parse(header);
            long total = 0;
            foreach (var tensor in json.RootElement.EnumerateObject())
            {
                if (tensor.Name == "__metadata__" || !tensor.Value.TryGetProperty("shape", out var shape))
                {
                    continue;
                }

                // Optimizer state is kept in separate files; everything in the weights file is the model.
                total += shape.EnumerateArray().Aggregate(1L, (count, dimension) => count * dimension.GetInt64());
            }

            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or OverflowException or InvalidOperationException)
        {
            return -1;
        }
    }
}
