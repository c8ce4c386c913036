namespace AiJukebox.Model;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="CheckpointPath">The checkpoint to resume from (last.safetensors).</param>
/// <param name="ModelCardPath">The model card (model.json), written after the first epoch; null before.</param>
/// <param name="BestValidationLoss">Best validation loss so far (NaN before the first epoch ends).</param>
/// <param name="BaselinePerplexity">The interpolated trigram's validation perplexity.</param>
public sealed record TrainingResult(TrainingStatus Status, string RunDirectory, string CheckpointPath, string? ModelCardPath, double BestValidationLoss, double BaselinePerplexity);
