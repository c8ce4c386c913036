namespace AiJukebox.Model;

/// <summary>How a training run ended.</summary>
public enum TrainingStatus
{
    /// <summary>All planned epochs ran.</summary>
    Completed,

    /// <summary>Validation loss stopped improving for --patience epochs.</summary>
    EarlyStopped,

    /// <summary>Cancelled (Ctrl+C): the current batch finished and a checkpoint was written.</summary>
    Cancelled,
}
