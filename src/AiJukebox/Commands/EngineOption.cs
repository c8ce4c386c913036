using System.CommandLine;

using AiJukebox.Model;

namespace AiJukebox.Commands;

/// <summary>The <c>--engine</c> option that generate and play share.</summary>
internal static class EngineOption
{
    public static Option<InferenceEngine> Create() => new("--engine")
    {
        Description = "What runs the model's steps: auto (managed for lstm, LibTorch for bilstm), managed, or torch",
        DefaultValueFactory = _ => InferenceEngine.Auto,
    };

    /// <summary>"managed engine" or "LibTorch, N thread(s)", for status lines.</summary>
    public static string Describe(TrainedModel model, InferenceEngine engine) =>
        (engine == InferenceEngine.Auto ? model.AutoEngine : engine) == InferenceEngine.Managed
            ? "managed engine"
            : $"LibTorch, {TorchRuntime.Threads} thread(s)";
}
