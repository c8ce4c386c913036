using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Model;

namespace AiJukebox.Playing;

/// <summary>What the play verb was asked to do, after defaults and options were merged.</summary>
internal sealed record PlaySettings(
    LiveOptions Options,
    string? OutputPort,
    string? VirtualName,
    string? InputPort,
    string? Api,
    double? DurationSeconds,
    string Primer,
    double WaitSeconds,
    bool Quiet,
    InferenceEngine Engine = InferenceEngine.Auto,
    SynthOptions? Synth = null,
    string? RenderPath = null,
    AudioRenderOptions? Render = null,
    string? ClickPort = null,
    IReadOnlyList<string>? Models = null);
