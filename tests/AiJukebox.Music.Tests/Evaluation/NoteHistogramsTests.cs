using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class NoteHistogramsTests
{
    [Fact]
    public void Overlap_IdenticalSets_IsOne()
    {
        var piece = Notes.Line(60, 62, 64, 67, 72);
        var a = NoteHistograms.Of([piece]);
        var b = NoteHistograms.Of([piece, piece]);

        Assert.Equal(new HistogramOverlaps(1, 1, 1, 1, 1), a.OverlapWith(b));
    }

    [Fact]
    public void Overlap_DisjointPitches_IsZero()
    {
        var low = NoteHistograms.Of([Notes.Line(40, 41, 42)]);
        var high = NoteHistograms.Of([Notes.Line(80, 81, 82)]);

        var overlap = low.OverlapWith(high);

        Assert.Equal(0, overlap.Pitch);
        Assert.Equal(0, overlap.PitchClass);
        Assert.Equal(1, overlap.Duration);
    }

    [Fact]
    public void Overlap_HalfShared_IsOneHalf()
    {
        Assert.Equal(0.5, NoteHistograms.Overlap([1, 1, 0], [0, 1, 1]), 12);
        Assert.Equal(0.5, NoteHistograms.Of([Notes.Line(60, 62)]).OverlapWith(NoteHistograms.Of([Notes.Line(62, 64)])).Pitch, 12);
    }

    [Fact]
    public void Overlap_EmptySide_IsUndefined()
    {
        Assert.True(double.IsNaN(NoteHistograms.Overlap([0, 0], [1, 0])));
        Assert.Throws<ArgumentException>(() => NoteHistograms.Overlap([1], [1, 0]));
    }

    [Fact]
    public void InterOnset_BinsOfAGridStep_ThenToFourBeats_ThenBeyond()
    {
        // Onsets 0, 1/12, 1/2 (+ a chord note), 3.5, 9: gaps of 1 step, 5 steps, 3 beats, 5.5 beats.
        Note[] notes = [new(0, 1, 60, 80), new(1.0 / 12, 1, 62, 80), new(0.5, 1, 64, 80), new(0.5, 1, 67, 80), new(3.5, 1, 65, 80), new(9, 1, 64, 80)];

        var histograms = NoteHistograms.Of([notes]);

        var expected = new long[26];
        expected[0] = 1;
        expected[4] = 1;
        expected[24] = 1;
        expected[25] = 1;
        Assert.Equal(expected, histograms.InterOnset);
    }

    [Fact]
    public void Duration_AndVelocity_Bins()
    {
        Note[] notes = [new(0, 1.0 / 12, 60, 7), new(1, 0, 60, 8), new(2, 4, 60, 127), new(3, 6, 60, 64), new(4, 12, 60, 100)];

        var histograms = NoteHistograms.Of([notes]);

        Assert.Equal(2, histograms.Duration[0]);
        Assert.Equal(1, histograms.Duration[47]);
        Assert.Equal(1, histograms.Duration[48]);
        Assert.Equal(1, histograms.Duration[49]);
        Assert.Equal(1, histograms.Velocity[0]);
        Assert.Equal(1, histograms.Velocity[1]);
        Assert.Equal(1, histograms.Velocity[8]);
        Assert.Equal(1, histograms.Velocity[12]);
        Assert.Equal(1, histograms.Velocity[15]);
    }

    [Fact]
    public void InterOnset_IsPerPiece_NoGapBetweenPieces()
    {
        var histograms = NoteHistograms.Of([Notes.Line(60), Notes.Line(62)]);

        Assert.Equal(0, histograms.InterOnset.Sum());
        Assert.Equal(2, histograms.Pitch.Sum());
    }
}
