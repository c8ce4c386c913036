namespace AiJukebox.Ui;

/// <summary>One epoch's mean training loss and validation loss (nats per token).</summary>
internal readonly record struct LossPoint(double Train, double Validation);
