using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class MusicalKeyTests
{
    [Fact]
    public void Contains_CMajor_IsTheWhiteKeys()
    {
        Assert.Equal([0, 2, 4, 5, 7, 9, 11], Notes.PitchClassesOf(new MusicalKey(0, KeyMode.Major)));
    }

    [Fact]
    public void Contains_AMinor_IsNaturalAndHarmonicMinor()
    {
        // A B C D E F G and G#: the raised leading tone counts.
        Assert.Equal([0, 2, 4, 5, 7, 8, 9, 11], Notes.PitchClassesOf(new MusicalKey(9, KeyMode.Minor)));
    }

    [Fact]
    public void Contains_AnyOctave()
    {
        var d = new MusicalKey(2, KeyMode.Major);

        Assert.True(d.Contains(66));
        Assert.True(d.Contains(66 - 48));
        Assert.False(d.Contains(65));
        Assert.False(d.Contains(65 + 36));
    }

    [Fact]
    public void All_TwentyFourDistinctKeys_WithMusic21Names()
    {
        Assert.Equal(24, MusicalKey.All.Distinct().Count());
        Assert.Equal("C major", MusicalKey.All[0].Name);
        Assert.Equal("E- major", MusicalKey.All[3].Name);
        Assert.Equal("F# minor", MusicalKey.All[18].Name);
        Assert.All(MusicalKey.All, k => Assert.Equal(k.Mode == KeyMode.Major ? 7 : 8, Notes.PitchClassesOf(k).Length));
    }
}
