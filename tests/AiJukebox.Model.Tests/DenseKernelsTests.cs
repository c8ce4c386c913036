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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 7)]
    [InlineData(3, 8)]
    [InlineData(17, 33)] // one 4-vector block, then single vectors, then a scalar tail
    [InlineData(512, 64)]
    [InlineData(2, 70)]
    public void AccumulateRows_AnyShape_AddsTheWeightedSumOfRows(int count, int columns)
    {
        var random = new Random(count * 17 + columns);
        var weights = Enumerable.Range(0, count).Select(_ => random.NextSingle()).ToArray();
        var rows = Enumerable.Range(0, count * columns).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var start = Enumerable.Range(0, columns).Select(_ => random.NextSingle()).ToArray();
        var y = (float[])start.Clone();

        DenseKernels.AccumulateRows(weights, rows, y);

        for (var c = 0; c < columns; c++)
        {
            double expected = start[c];
            for (var j = 0; j < count; j++)
            {
                expected += (double)weights[j] * rows[(j * columns) + c];
            }

            Assert.Equal(expected, y[c], 1e-4);
        }
    }

    [Fact]
    public void Softmax_LargeScores_SumsToOneWithoutOverflow()
    {
        float[] scores = [1000f, 1001f, 999f];

        DenseKernels.Softmax(scores, scale: 0.5f);

        Assert.Equal(1.0, scores.Sum(), 1e-6);
        Assert.Equal(1 / (1 + Math.Exp(-0.5) + Math.Exp(-1)), scores[1], 1e-6);
    }

    [Fact]
    public void LayerNorm_GivesZeroMeanUnitVarianceTimesGainPlusBias()
    {
        float[] x = [1f, 2f, 3f, 4f];
        var y = new float[4];

        DenseKernels.LayerNorm(x, [1f, 1f, 2f, 2f], [0f, 0f, 1f, 1f], y);

        var inverse = 1 / Math.Sqrt(1.25 + 1e-5);
        Assert.Equal(-1.5 * inverse, y[0], 1e-5);
        Assert.Equal((0.5 * inverse * 2) + 1, y[2], 1e-5);
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
