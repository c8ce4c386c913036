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

    [Theory]
    [InlineData("F#:major", 6, KeyMode.Major)]
    [InlineData("e:minor", 4, KeyMode.Minor)]
    [InlineData("Bb:MINOR", 10, KeyMode.Minor)]
    [InlineData("B-:major", 10, KeyMode.Major)]
    [InlineData("Cb:major", 11, KeyMode.Major)]
    [InlineData("B#:minor", 0, KeyMode.Minor)]
    public void Parse_TonicAndMode(string text, int tonic, KeyMode mode)
    {
        Assert.Equal(new MusicalKey(tonic, mode), MusicalKey.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("F#")]
    [InlineData("F# major")]
    [InlineData("H:major")]
    [InlineData("F##:major")]
    [InlineData("F#:dorian")]
    [InlineData("F#:major:x")]
    [InlineData(null)]
    public void TryParse_NotAKey_False(string? text)
    {
        Assert.False(MusicalKey.TryParse(text, out _));
    }

    [Fact]
    public void ShortName_ParsesBackForEveryKey()
    {
        Assert.All(MusicalKey.All, key => Assert.Equal(key, MusicalKey.Parse(key.ShortName)));
        Assert.Equal("F#:major", new MusicalKey(6, KeyMode.Major).ShortName);
    }

    [Fact]
    public void ScaleMask_IsContains()
    {
        Assert.All(MusicalKey.All, key =>
        {
            for (var pc = 0; pc < 12; pc++)
            {
                Assert.Equal(key.Contains(pc), (key.ScaleMask & (1 << pc)) != 0);
            }
        });
    }
}
