using System.Text.Json;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>Moves a network's parameters to and from a safetensors file, checking names and shapes.</summary>
internal static class WeightsIo
{
    public const string FormatName = "aijukebox-weights-1";

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, RespectNullableAnnotations = true };

    public static void Save(SequenceNetwork network, string path, IReadOnlyDictionary<string, string> metadata)
    {
        SafeTensorsFile.Save(path, network.state_dict(), metadata);
    }

    /// <exception cref="ModelFileException">The file's tensors do not fit the network.</exception>
    public static void Load(SequenceNetwork network, string path)
    {
        Dictionary<string, Tensor> loaded;
        try
        {
            loaded = SafeTensorsFile.Load(path, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ModelFileException($"{path}: cannot read the weights ({e.Message}).", e);
        }

        try
        {
            var expected = network.state_dict();
            foreach (var (name, tensor) in expected)
            {
                if (!loaded.TryGetValue(name, out var value) || !value.shape.SequenceEqual(tensor.shape))
                {
                    throw new ModelFileException($"{path}: tensor '{name}' is missing or has another shape than this {network.Options.Kind} network expects; the file belongs to another model.");
                }
            }

            using var noGrad = no_grad();
            foreach (var (name, tensor) in expected)
            {
                tensor.copy_(loaded[name]);
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
