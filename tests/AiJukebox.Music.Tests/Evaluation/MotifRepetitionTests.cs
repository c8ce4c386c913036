using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class MotifRepetitionTests
{
    [Fact]
    public void Of_MotifPlayedThreeTimes_KnownShare()
    {
        // 7-note motif ×3 = 21 onsets, 20 intervals with period 7 (+2 +2 +1 +2 −2 −1, then −4 back
        // to the start): 15 windows of 6, of which 7 are distinct (one per phase) → 8/15.
        int[] motif = [60, 62, 64, 65, 67, 65, 64];
        var notes = Notes.Line([.. motif, .. motif, .. motif]);

        Assert.Equal(8.0 / 15, MotifRepetition.Of(notes)!.Value, 12);
    }

    [Fact]
    public void Of_ChromaticScale_AllWindowsButTheFirstRepeat()
    {
        // 10 onsets, 9 intervals of +1: 4 windows, 1 distinct → 3/4.
        var notes = Notes.Line([.. Enumerable.Range(60, 10)]);

        Assert.Equal(0.75, MotifRepetition.Of(notes)!.Value, 12);
    }

    [Fact]
    public void Of_TransposedRepeat_CountsAsARepeat()
    {
        // The motif, then the same a fifth higher: intervals 4 −2 3 −1 3 −2, +2 (the joint),
        // 4 −2 3 −1 3 −2. 8 windows; only the last repeats one (the first) → 1/8.
        int[] motif = [60, 64, 62, 65, 64, 67, 65];
        var notes = Notes.Line([.. motif, .. motif.Select(p => p + 7)]);

        Assert.Equal(1.0 / 8, MotifRepetition.Of(notes)!.Value, 12);
    }

    [Fact]
    public void Of_NoIntervalSequenceRepeats_IsZero()
    {
        // Intervals 1, 2, 3, ... never repeat a window.
        var pitches = new int[12];
        for (var i = 1; i < pitches.Length; i++)
        {
            pitches[i] = pitches[i - 1] + i;
        }

        Assert.Equal(0, MotifRepetition.Of(Notes.Line([.. pitches.Select(p => 30 + p)]))!.Value);
    }

    [Fact]
    public void Of_FewerThanSevenOnsets_IsUndefined()
    {
        Assert.Null(MotifRepetition.Of(Notes.Line(60, 62, 64, 65, 67, 69)));
        Assert.NotNull(MotifRepetition.Of(Notes.Line(60, 62, 64, 65, 67, 69, 71)));
    }

    [Fact]
    public void Of_ChordNotesBelowTheTop_DoNotChangeTheTopLine()
    {
        int[] motif = [72, 74, 76, 77, 79, 77, 76];
        var melody = Notes.Line([.. motif, .. motif, .. motif]);
        var withBass = melody.Concat(melody.Select((n, i) => n with { Pitch = 36 + (i * 5 % 12) })).ToArray();

        Assert.Equal(MotifRepetition.Of(melody), MotifRepetition.Of(withBass));
    }
}
