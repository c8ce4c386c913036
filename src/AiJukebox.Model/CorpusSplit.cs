namespace AiJukebox.Model;

/// <summary>
/// Which pieces train and which validate. Split by piece, never by window, so no validation
/// token was seen in training; the same seed and piece count always give the same split.
/// </summary>
public sealed class CorpusSplit
{
    private CorpusSplit(int[] train, int[] validation)
    {
        TrainPieces = train;
        ValidationPieces = validation;
    }

    /// <summary>Indices of the training pieces, ascending.</summary>
    public IReadOnlyList<int> TrainPieces { get; }

    /// <summary>Indices of the validation pieces, ascending.</summary>
    public IReadOnlyList<int> ValidationPieces { get; }

    /// <summary>Splits <paramref name="pieceCount"/> pieces; at least one piece goes to each side.</summary>
    /// <exception cref="ArgumentException">Fewer than two pieces, or a fraction outside (0, 1).</exception>
    public static CorpusSplit Create(int pieceCount, double validationFraction, int seed)
    {
        if (pieceCount < 2)
        {
            throw new ArgumentException($"Training needs at least 2 pieces (one for validation); the notes file has {pieceCount}.");
        }

        if (validationFraction is <= 0 or >= 1)
        {
            throw new ArgumentException($"The validation fraction must be in (0, 1); got {validationFraction}.");
        }

        var order = Enumerable.Range(0, pieceCount).ToArray();
        // Seeded System.Random is a fixed algorithm, so the split is stable across runs and machines.
        new Random(seed).Shuffle(order);
        var validationCount = Math.Clamp((int)Math.Round(pieceCount * validationFraction), 1, pieceCount - 1);
        var validation = order[..validationCount];
        var train = order[validationCount..];
        Array.Sort(validation);
        Array.Sort(train);
        return new CorpusSplit(train, validation);
    }
}
