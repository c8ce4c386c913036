using AiJukebox.Services;

namespace AiJukebox.Ui;

/// <summary>A change of the shared model: the model now loaded, a loading message, or a problem.</summary>
internal sealed record ModelSessionState(ModelSummary? Summary, string? Loading, string? Problem);
