namespace AiJukebox.Model;

/// <summary>
/// One progress report of a training run: after every batch (<see cref="ValidationLoss"/> null)
/// and once at the end of every epoch (with the validation loss). The CLI renders it as a
/// progress line on a terminal and as log lines otherwise; the UI renders the same type.
/// </summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Planned epochs.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches in this epoch.</param>
/// <param name="TokensPerSecond">Window tokens processed per second over this epoch so far.</param>
/// <param name="Loss">Mean training loss over this epoch so far (nats per predicted token).</param>
/// <param name="Eta">Estimated time to the end of the last planned epoch.</param>
/// <param name="ValidationLoss">Validation loss, only in the end-of-epoch report.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, double TokensPerSecond, double Loss, TimeSpan Eta, double? ValidationLoss = null);
