namespace AiJukebox.Music.Tests;

public sealed class PitchNamesTests
{
    [Theory]
    [InlineData("C4", 60)]
    [InlineData("F#4", 66)]
    [InlineData("Bb3", 58)]
    [InlineData("E-4", 63)]
    [InlineData("Cb4", 59)] // a flat below C keeps the octave's numbering right
    [InlineData("B#3", 60)]
    [InlineData("C_1", 0)]
    public void TryParse_NoteNames_GiveTheirMidiNumber(string name, int expected)
    {
        Assert.True(PitchNames.TryParse(name, out var pitch));
        Assert.Equal(expected, pitch);
    }

    [Theory]
    [InlineData("H4")]
    [InlineData("C")]
    [InlineData("C#")]
    [InlineData("C444")]
    public void TryParse_NotANoteName_IsFalse(string name)
    {
        Assert.False(PitchNames.TryParse(name, out _));
    }

    [Theory]
    [InlineData("F#", 6, 2)]
    [InlineData("bb", 10, 2)]
    [InlineData("E-", 3, 2)]
    [InlineData("g:", 7, 1)]
    [InlineData("x", -1, 0)]
    public void ReadClass_LetterAndAccidental(string text, int pitchClass, int read)
    {
        Assert.Equal(read, PitchNames.ReadClass(text, out var parsed));
        if (read > 0)
        {
            Assert.Equal(pitchClass, parsed);
        }
    }
}
