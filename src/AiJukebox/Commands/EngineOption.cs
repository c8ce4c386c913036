using System.CommandLine;

using AiJukebox.Model;

namespace AiJukebox.Commands;

/// <summary>The <c>--engine</c> option that generate and play share.</summary>
internal static class EngineOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--engine")
        {
            Description = "What runs the model's steps: auto (managed for lstm and transformer, LibTorch for bilstm), managed, or torch",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "managed", "torch");
        return option;
    }

    /// <summary>The engine a validated option value names.</summary>
    public static InferenceEngine Parse(string? value) => value switch
    {
        "managed" => InferenceEngine.Managed,
        "torch" => InferenceEngine.Torch,
        _ => InferenceEngine.Auto,
    };

    /// <summary>"managed engine" or "LibTorch, N thread(s)", for status lines.</summary>
    public static string Describe(TrainedModel model, InferenceEngine engine) =>
        (engine == InferenceEngine.Auto ? model.AutoEngine : engine) == InferenceEngine.Managed
            ? "managed engine"
            : $"LibTorch, {TorchRuntime.Threads} thread(s)";
}
