using System.Globalization;
using System.Text;

using AiJukebox.Music;

using ScottPlot;

namespace AiJukebox.Model;

/// <summary>Writes history.csv and loss.png from the per-epoch figures.</summary>
internal static class TrainingHistory
{
    public static void WriteCsv(string path, IReadOnlyList<EpochMetrics> history)
    {
        var text = new StringBuilder("epoch,train_loss,val_loss,val_perplexity,seconds,tokens_per_second\n");
        foreach (var m in history)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Epoch},{m.TrainLoss:F6},{m.ValidationLoss:F6},{m.ValidationPerplexity:F4},{m.Seconds:F1},{m.TokensPerSecond:F0}\n");
        }

        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static void WritePlot(string path, IReadOnlyList<EpochMetrics> history, double baselinePerplexity)
    {
        using var plot = new Plot();
        var epochs = history.Select(m => (double)m.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, history.Select(m => m.TrainLoss).ToArray());
        train.LegendText = "train";
        var validation = plot.Add.Scatter(epochs, history.Select(m => m.ValidationLoss).ToArray());
        validation.LegendText = "validation";
        if (double.IsFinite(baselinePerplexity) && baselinePerplexity > 0)
        {
            var baseline = plot.Add.HorizontalLine(Math.Log(baselinePerplexity));
            baseline.LegendText = "trigram baseline (validation)";
            baseline.LinePattern = LinePattern.Dashed;
        }

        plot.Title("Loss per epoch");
        plot.XLabel("epoch");
        plot.YLabel("cross-entropy (nats per token)");
        plot.ShowLegend();
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }
}
