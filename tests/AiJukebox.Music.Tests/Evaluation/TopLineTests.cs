using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class TopLineTests
{
    [Fact]
    public void Pitches_ChordsAndMelody_HighestAtEachOnset()
    {
        Note[] notes = [.. Notes.Chords([48, 52, 55], [50, 53, 59], [48, 52, 55, 60]), new Note(0.5, 0.5, 40, 80)];

        Assert.Equal([55, 40, 59, 60], TopLine.Pitches(notes));
    }

    [Fact]
    public void Pitches_OnsetsWithinAHalfGridStep_AreOneOnset()
    {
        // 1/12 beat grid: 0.02 beats rounds to step 0, 0.05 to step 1.
        Note[] notes = [new(0, 1, 60, 80), new(0.02, 1, 64, 80), new(0.05, 1, 50, 80)];

        Assert.Equal([64, 50], TopLine.Pitches(notes));
    }

    [Theory]
    [InlineData(new[] { 60, 60, 60, 62, 60, 60 }, 3)]
    [InlineData(new[] { 60, 62, 64 }, 1)]
    [InlineData(new[] { 67, 67, 67, 67, 67 }, 5)]
    [InlineData(new int[0], 0)]
    public void LongestRun_KnownLines(int[] pitches, int expected)
    {
        Assert.Equal(expected, TopLine.LongestRun(Notes.Line(pitches)));
    }

    [Fact]
    public void LongestRun_RepeatedTopUnderChangingBass_CountsTheTop()
    {
        var notes = Notes.Chords([48, 72], [50, 72], [52, 72], [53, 71]);

        Assert.Equal(3, TopLine.LongestRun(notes));
    }
}
