using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class SetStatisticsTests
{
    [Fact]
    public void Of_MeansOverPieces_SkippingUndefinedFigures()
    {
        int[] motif = [60, 62, 64, 65, 67, 65, 64];
        var repeating = Notes.Line([.. motif, .. motif, .. motif]);
        var shortPiece = Notes.Line(60, 60, 60);

        var set = SetStatistics.Of([repeating, shortPiece]);

        Assert.Equal(2, set.Pieces);
        Assert.Equal(24, set.Notes);
        // The short piece has no 6-interval window: the mean is the repeating piece's alone.
        Assert.Equal(8.0 / 15, set.MotifRepetition!.Value, 12);
        Assert.Equal((1 + 3) / 2.0, set.LongestTopLineRun!.Value, 12);
        Assert.Equal(3, set.LongestTopLineRunMax);
        Assert.Equal((7 + 0) / 2.0, set.PitchRange!.Value, 12);
        Assert.Equal(1, set.Polyphony!.Value, 12);
    }

    [Fact]
    public void OverlapWith_Itself_IsOne()
    {
        var set = SetStatistics.Of([Notes.Line(60, 64, 67), Notes.Chords([50, 53], [55, 59])]);

        Assert.Equal(new HistogramOverlaps(1, 1, 1, 1, 1), set.OverlapWith(set));
    }

    [Fact]
    public void Of_NoPieces_AllUndefined()
    {
        var set = SetStatistics.Of([]);

        Assert.Null(set.TonalClarity);
        Assert.Null(set.NotesPerBeat);
        Assert.Equal(0, set.LongestTopLineRunMax);
    }
}
