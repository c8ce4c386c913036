using AiJukebox.Music.Sampling;

namespace AiJukebox.Music.Tests.Sampling;

public sealed class SamplingOptionsTests
{
    [Fact]
    public void Default_IsPlainSoftmax()
    {
        var options = SamplingOptions.Default;
        Assert.Equal(1.0, options.Temperature);
        Assert.Equal(0, options.TopK);
        Assert.Equal(1.0, options.TopP);
        Assert.Equal(1.0, options.RepetitionPenalty);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Temperature_Invalid_Throws(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { Temperature = value });
        Assert.Contains("Temperature", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void TopP_OutsideZeroToOne_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { TopP = value });
    }

    [Fact]
    public void TopK_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { TopK = -1 });
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(double.NaN)]
    public void RepetitionPenalty_BelowOne_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { RepetitionPenalty = value });
    }

    [Fact]
    public void RepetitionWindow_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { RepetitionWindow = -1 });
    }

    [Fact]
    public void With_ValidatesTheChangedValue()
    {
        var options = new SamplingOptions { Temperature = 0.8, TopK = 5 };
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { Temperature = -1 });
        var changed = options with { Temperature = 1.2 };
        Assert.Equal(5, changed.TopK);
        Assert.Equal(1.2, changed.Temperature);
    }
}
