using AiJukebox.Model;

namespace AiJukebox.Ui;

/// <summary>
/// Collects progress from the training thread; the Train screen reads it on a UI timer, so a
/// fast stream of batch reports never floods the UI's queue.
/// </summary>
internal sealed class TrainingMonitor : IProgress<TrainingProgress>
{
    private readonly Lock _lock = new();
    private readonly List<LossPoint> _epochs = [];
    private TrainingProgress? _latest;
    private string? _message;

    /// <summary>Starts a run's plot from earlier epochs (a resumed run).</summary>
    public TrainingMonitor(IEnumerable<LossPoint> earlier) => _epochs.AddRange(earlier);

    public void Report(TrainingProgress value)
    {
        lock (_lock)
        {
            _latest = value;
            if (value.ValidationLoss is { } validation)
            {
                _epochs.Add(new LossPoint(value.Loss, validation));
            }
        }
    }

    /// <summary>A status line from the training thread.</summary>
    public void Say(string message)
    {
        lock (_lock)
        {
            _message = message;
        }
    }

    /// <summary>The latest report, the epochs so far and the latest message.</summary>
    public (TrainingProgress? Latest, LossPoint[] Epochs, string? Message) Read()
    {
        lock (_lock)
        {
            return (_latest, [.. _epochs], _message);
        }
    }
}
