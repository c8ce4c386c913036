using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class KeyTrackerTests
{
    // Two bars of eighths each: up the tonic triad, down the scale, a cadence.
    private static readonly int[] FSharpMajor = [66, 70, 73, 78, 77, 75, 73, 70, 71, 70, 68, 65, 66, 68, 70, 66];
    private static readonly int[] EMinor = [64, 67, 71, 76, 74, 72, 71, 67, 69, 67, 66, 63, 64, 66, 67, 64];
    private static readonly int[] CMajor = [60, 64, 67, 72, 71, 69, 67, 64, 65, 64, 62, 59, 60, 62, 64, 60];

    [Fact]
    public void Add_BeforeTheMinimumWeight_NoKey()
    {
        var tracker = new KeyTracker(minimumWeightBeats: 1.9, halfLifeBeats: 1e6);

        Assert.False(tracker.Add(60, 0.5, 0.5));
        Assert.False(tracker.Add(64, 0.5, 1.0));
        Assert.False(tracker.Add(67, 0.5, 1.5));
        Assert.Null(tracker.Key);
        Assert.True(tracker.Add(60, 0.5, 2.0));
        Assert.Equal(new MusicalKey(0, KeyMode.Major), tracker.Key);
    }

    [Theory]
    [InlineData(6, KeyMode.Major)]
    [InlineData(4, KeyMode.Minor)]
    [InlineData(0, KeyMode.Major)]
    public void Add_AScaleMelody_FindsItsKey(int tonic, KeyMode mode)
    {
        var tracker = new KeyTracker();
        var melody = tonic switch { 6 => FSharpMajor, 4 => EMinor, _ => CMajor };

        Play(tracker, melody, 0);

        Assert.Equal(new MusicalKey(tonic, mode), tracker.Key);
        Assert.InRange(tracker.Changes, 0, 1);
    }

    [Fact]
    public void Add_OneChromaticNote_DoesNotMoveTheKey()
    {
        var tracker = new KeyTracker();
        Play(tracker, CMajor, 0);

        tracker.Add(61, 0.5, 8.5);
        tracker.Add(66, 0.5, 9.0);

        Assert.Equal(new MusicalKey(0, KeyMode.Major), tracker.Key);
        Assert.Equal(0, tracker.Changes);
    }

    [Theory]
    [InlineData(0, 6, 0, 14)] // C major, then F# major at once
    [InlineData(6, 4, 0, 13)] // F# major, then E minor at once
    [InlineData(6, 0, 0, 14)]
    [InlineData(0, 6, 8, 3)] // ... two bars later (an answer in between)
    [InlineData(6, 4, 8, 3)]
    [InlineData(4, 0, 8, 7)]
    [InlineData(4, 6, 8, 3)]
    public void Add_ANewKey_FollowedWithinSoManyNotes(int from, int to, double gapBeats, int most)
    {
        var tracker = new KeyTracker();
        Play(tracker, Melody(from), 0);
        Assert.Equal(Target(from), tracker.Key);
        var target = Target(to);

        var notes = Play(tracker, Melody(to), 8 + gapBeats, stopAt: target);

        Assert.Equal(target, tracker.Key);
        Assert.InRange(notes, 1, most);
        Console.WriteLine($"KeyTracker: {Target(from)} -> {target}, {gapBeats} beats apart: followed after {notes} eighth notes");
    }

    [Fact]
    public void WeightAt_HalvesEveryHalfLife()
    {
        var tracker = new KeyTracker(halfLifeBeats: 4);
        tracker.Add(60, 2, 10);

        Assert.Equal(2, tracker.WeightAt(10), 9);
        Assert.Equal(1, tracker.WeightAt(14), 9);
        Assert.Equal(0.5, tracker.WeightAt(18), 9);
    }

    [Fact]
    public void Reset_ForgetsTheKey()
    {
        var tracker = new KeyTracker();
        Play(tracker, CMajor, 0);

        tracker.Reset();

        Assert.Null(tracker.Key);
        Assert.Equal(0, tracker.WeightAt(100));
    }

    private static int[] Melody(int tonic) => tonic switch { 6 => FSharpMajor, 4 => EMinor, _ => CMajor };

    private static MusicalKey Target(int tonic) => tonic == 4 ? new MusicalKey(4, KeyMode.Minor) : new MusicalKey(tonic, KeyMode.Major);

    /// <summary>Eighth notes from <paramref name="startBeat"/>; returns how many were played (up to the one that made the key <paramref name="stopAt"/>).</summary>
    private static int Play(KeyTracker tracker, int[] melody, double startBeat, MusicalKey? stopAt = null)
    {
        for (var i = 0; i < melody.Length; i++)
        {
            tracker.Add(melody[i], 0.5, startBeat + (0.5 * (i + 1)));
            if (stopAt is { } key && tracker.Key == key)
            {
                return i + 1;
            }
        }

        return melody.Length;
    }
}
