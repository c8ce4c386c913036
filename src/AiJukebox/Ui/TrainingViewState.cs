using AiJukebox.Model;

namespace AiJukebox.Ui;

/// <summary>What the Train screen shows: running or not, the latest report, the epochs, a message, the model card when there is one.</summary>
internal sealed record TrainingViewState(bool Running, TrainingProgress? Latest, IReadOnlyList<LossPoint> Epochs, string? Message, string? ModelCard);
