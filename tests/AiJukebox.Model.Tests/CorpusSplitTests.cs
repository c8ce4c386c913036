namespace AiJukebox.Model.Tests;

public sealed class CorpusSplitTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(333)]
    public void Create_SplitsByPiece_WithoutLeakage(int pieces)
    {
        var split = CorpusSplit.Create(pieces, 0.1, seed: 3);

        Assert.Empty(split.TrainPieces.Intersect(split.ValidationPieces));
        Assert.Equal(Enumerable.Range(0, pieces), split.TrainPieces.Concat(split.ValidationPieces).Order());
        Assert.NotEmpty(split.ValidationPieces);
        Assert.NotEmpty(split.TrainPieces);
    }

    [Fact]
    public void Create_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        var a = CorpusSplit.Create(100, 0.2, seed: 1);
        var b = CorpusSplit.Create(100, 0.2, seed: 1);
        var c = CorpusSplit.Create(100, 0.2, seed: 2);

        Assert.Equal(a.ValidationPieces, b.ValidationPieces);
        Assert.NotEqual(a.ValidationPieces, c.ValidationPieces);
        Assert.Equal(20, a.ValidationPieces.Count);
    }

    [Fact]
    public void TrainingData_NoValidationTokenSequenceComesFromATrainingPiece()
    {
        // Every piece has distinct token content, so a window can be traced to its piece.
        var notes = SyntheticCorpus.Create(pieces: 12);
        var data = new TrainingData(notes, SyntheticCorpus.TinyOptions(NetworkOptions.Lstm));
        var validationPieces = data.Split.ValidationPieces.Select(i => notes.Pieces[i].Tokens).ToHashSet();

        Assert.Equal(data.Split.ValidationPieces.Count, data.Validation.PieceCount);
        Assert.All(data.Validation.Pieces, piece => Assert.Contains(piece, validationPieces));
        Assert.All(data.Train.Pieces, piece => Assert.DoesNotContain(piece, validationPieces));
    }

    [Fact]
    public void Create_OnePiece_IsRejectedWithAClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => CorpusSplit.Create(1, 0.1, 1));
        Assert.Contains("at least 2 pieces", error.Message);
    }
}
