namespace AiJukebox.Model.Tests;

public sealed class DenseKernelsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(4, 8)]
    [InlineData(9, 33)]
    [InlineData(1024, 512)]
    public void MultiplyAdd_AnyShape_MatchesTheTextbookSum(int rows, int columns)
    {
        var random = new Random(rows * 31 + columns);
        var matrix = Enumerable.Range(0, rows * columns).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var x = Enumerable.Range(0, columns).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var bias = Enumerable.Range(0, rows).Select(_ => random.NextSingle()).ToArray();
        var y = new float[rows];

        DenseKernels.MultiplyAdd(matrix, x, bias, y);

        for (var r = 0; r < rows; r++)
        {
            double expected = bias[r];
            for (var c = 0; c < columns; c++)
            {
                expected += (double)matrix[(r * columns) + c] * x[c];
            }

            Assert.Equal(expected, y[r], 1e-4);
        }
    }

    [Fact]
    public void MultiplyAdd_MismatchedSizes_Throws()
    {
        Assert.Throws<ArgumentException>(() => DenseKernels.MultiplyAdd(new float[6], new float[4], new float[2], new float[2]));
    }

    [Fact]
    public void CellUpdate_KnownGates_GivesTheLstmFormula()
    {
        // One unit: i = σ(0) = 0.5, f = σ(ln 3) = 0.75, g = tanh(0) = 0, o = σ(0) = 0.5.
        float[] gates = [0f, MathF.Log(3f), 0f, 0f];
        float[] h = [9f], c = [2f];

        DenseKernels.CellUpdate(gates, h, c);

        Assert.Equal(1.5f, c[0], 1e-6f);
        Assert.Equal(0.5f * MathF.Tanh(1.5f), h[0], 1e-6f);
    }
}
