namespace AiJukebox.Model;

/// <summary>One epoch's figures, as in history.csv and the model card.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean training loss (nats per predicted token).</param>
/// <param name="ValidationLoss">Validation loss (nats per predicted token).</param>
/// <param name="ValidationPerplexity">exp(ValidationLoss).</param>
/// <param name="Seconds">Wall time of the epoch including validation (summed over resumed parts).</param>
/// <param name="TokensPerSecond">Training window tokens per second (training time only, validation excluded).</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double ValidationLoss, double ValidationPerplexity, double Seconds, double TokensPerSecond);
