namespace AiJukebox.Model;

/// <summary>Everything a training run is configured with (presets fill it; CLI options override).</summary>
public sealed record TrainingOptions
{
    /// <summary>The network's shape.</summary>
    public required NetworkOptions Network { get; init; }

    /// <summary>Maximum number of epochs (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Windows per batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>"adam", "adamw" (decoupled weight decay 0.01) or "rmsprop".</summary>
    public string Optimizer { get; init; } = "adam";

    /// <summary>The learning rate rises linearly over this many batches from the start of a run (0 = constant from the first batch).</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Gradients are clipped to this global L2 norm (0 = no clipping).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Seed for initialization, the split, the data order, dropout and augmentation.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many epochs without a better validation loss (0 = never).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>LibTorch threads (process-wide).</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Random transposition of up to ±N semitones (events tokenizer only; 0 = off).</summary>
    public int AugmentTranspose { get; init; }

    /// <summary>Fraction of the pieces held out for validation.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Tokens between window starts (0 = the window length for lstm and transformer, 1 for bilstm, as the original).</summary>
    public int Stride { get; init; }

    /// <summary>Stop each epoch after this many batches (0 = all); for short measured runs.</summary>
    public int MaxBatchesPerEpoch { get; init; }

    /// <summary>Free-text attribution of the corpus, copied to the model card.</summary>
    public string? Attribution { get; init; }

    /// <summary>The stride actually used.</summary>
    public int EffectiveStride => Stride > 0 ? Stride : Network.Kind == NetworkOptions.BiLstm ? 1 : Network.Window;

    /// <summary>Checks the values; the message names the option to fix.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        Network.Validate();
        Require(Epochs >= 1, "--epochs must be at least 1.");
        Require(BatchSize >= 1, "--batch-size must be at least 1.");
        Require(LearningRate > 0, "--lr must be positive.");
        Require(Optimizer is "adam" or "adamw" or "rmsprop", $"optimizer '{Optimizer}' is unknown; use 'adam', 'adamw' or 'rmsprop'.");
        Require(WarmupSteps >= 0, "--warmup must be 0 or more.");
        Require(ClipNorm >= 0, "the gradient clip norm must be 0 or more.");
        Require(Patience >= 0, "--patience must be 0 or more.");
        Require(Threads >= 1, "--threads must be at least 1.");
        Require(AugmentTranspose is >= 0 and <= 24, "--augment-transpose must be between 0 and 24.");
        Require(ValidationFraction is > 0 and < 1, "the validation fraction must be in (0, 1).");
        Require(Stride >= 0, "--stride must be 0 (automatic) or more.");
        Require(MaxBatchesPerEpoch >= 0, "--max-batches must be 0 (all) or more.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
