using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class TonalityTests
{
    [Fact]
    public void EstimateKey_CMajorScale_IsCMajor()
    {
        var best = Tonality.EstimateKey(Notes.Line(60, 62, 64, 65, 67, 69, 71, 72))!.Value;

        Assert.Equal(new MusicalKey(0, KeyMode.Major), best.Key);
        Assert.InRange(best.Correlation, 0.7, 1.0);
    }

    [Fact]
    public void BestKey_TheMajorProfileItself_CorrelatesOne()
    {
        var best = Tonality.BestKey([.. Tonality.MajorProfile])!.Value;

        Assert.Equal(new MusicalKey(0, KeyMode.Major), best.Key);
        Assert.Equal(1.0, best.Correlation, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public void BestKey_RotatedMinorProfile_IsThatMinorKey(int tonic)
    {
        var histogram = new double[12];
        for (var pc = 0; pc < 12; pc++)
        {
            histogram[(pc + tonic) % 12] = Tonality.MinorProfile[pc];
        }

        var best = Tonality.BestKey(histogram)!.Value;

        Assert.Equal(new MusicalKey(tonic, KeyMode.Minor), best.Key);
        Assert.Equal(1.0, best.Correlation, 12);
    }

    [Fact]
    public void EstimateKey_WeightsByDuration()
    {
        // Long A, C, E and a short G#: A minor; the same pitches with a long G and short A: not.
        Note[] minor = [new(0, 4, 57, 80), new(4, 2, 60, 80), new(6, 2, 64, 80), new(8, 0.25, 56, 80), new(8.25, 4, 57, 80)];

        Assert.Equal(new MusicalKey(9, KeyMode.Minor), Tonality.EstimateKey(minor)!.Value.Key);
    }

    [Fact]
    public void BestKey_FlatOrEmpty_IsUndefined()
    {
        Assert.Null(Tonality.BestKey(new double[12]));
        Assert.Null(Tonality.BestKey(Enumerable.Repeat(1.0, 12).ToArray()));
        Assert.Null(Tonality.EstimateKey([]));
    }

    [Fact]
    public void BestKey_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Tonality.BestKey(new double[11]));
    }
}
