using System.Globalization;

namespace AiJukebox.Model;

/// <summary>Turns a <see cref="TrainingProgress"/> into one line of text (the CLI's progress line and log lines).</summary>
public static class TrainingProgressFormatter
{
    /// <summary>For example "epoch 3/30  batch 120/688  loss 1.8342  21,400 tok/s  ETA 41:10".</summary>
    public static string Format(TrainingProgress progress)
    {
        var culture = CultureInfo.InvariantCulture;
        if (progress.ValidationLoss is { } validation)
        {
            return string.Create(culture, $"epoch {progress.Epoch}/{progress.Epochs} done  loss {progress.Loss:F4}  val {validation:F4} (perplexity {Math.Exp(validation):F2})  {progress.TokensPerSecond:N0} tok/s");
        }

        var eta = progress.Eta.TotalHours >= 1 ? progress.Eta.ToString(@"h\:mm\:ss", culture) : progress.Eta.ToString(@"m\:ss", culture);
        return string.Create(culture, $"epoch {progress.Epoch}/{progress.Epochs}  batch {progress.Batch}/{progress.Batches}  loss {progress.Loss:F4}  {progress.TokensPerSecond:N0} tok/s  ETA {eta}");
    }
}
