using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live.Tests;

/// <summary>The loop's mutation, measured on the recorded take: which bars of each pass differ from the pass before.</summary>
public sealed class MutateTests
{
    private const int LoopBars = 4;
    private const double Bar = 4; // 4/4
    private const int Passes = 5;

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Mutate_ReGeneratesTheShareOfTheLoopsBars_TheRestRepeatBarForBar(double share)
    {
        using var rig = Looping(new LiveOptions { LoopBars = LoopBars, Mutate = share, RecordPath = "take.mid" }, out var start);
        rig.RunUntil(Seconds(start + ((Passes + 1) * LoopBars * Bar) + 0.5));
        rig.Performer.Stop();

        var notes = JukeboxNotes(rig);
        var source = Bars(notes, start - (LoopBars * Bar));
        var passes = Enumerable.Range(0, Passes + 1).Select(p => Bars(notes, start + (p * LoopBars * Bar))).ToList();
        // The first pass repeats the loop as it was, bar for bar.
        Assert.Equal(source, passes[0]);
        var changedBars = 0;
        var changedNotes = 0.0;
        for (var p = 1; p <= Passes; p++)
        {
            var changed = Enumerable.Range(0, LoopBars).Where(b => !passes[p][b].SequenceEqual(passes[p - 1][b])).ToList();
            changedBars += changed.Count;
            var ons = passes[p].SelectMany(b => b).Count();
            changedNotes += passes[p].Zip(passes[p - 1], (now, before) => now.Count(n => !before.Contains(n))).Sum() / (double)ons;
        }

        Console.WriteLine($"--mutate {share}: {changedBars} of {Passes * LoopBars} bars changed from the pass before ({changedBars / (double)(Passes * LoopBars):P1}), notes {changedNotes / Passes:P1}");
        // Bars: the share of each pass's bars, rounded with the remainder carried (exact over the passes).
        Assert.Equal((int)Math.Floor((share * LoopBars * Passes) + 1e-6), changedBars);
        // The counter agrees, give or take the next pass's first bars, composed a horizon ahead.
        Assert.InRange(rig.Performer.Conductor.BarsMutated, changedBars, changedBars + LoopBars);
        // Notes: a re-generated bar may keep a note by chance (the same pitch on the same eighth, 1 in 30).
        Assert.InRange(changedNotes / Passes, share - 0.1, share + 0.02);
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public void Mutate_ByControlChange_OnThenOff_TheLoopThenRepeatsItsNewBars()
    {
        using var rig = Looping(new LiveOptions { LoopBars = 2, RecordPath = "take.mid" }, out var start);
        var length = 2 * Bar;
        rig.RunUntil(Seconds(start + length - 1)); // in the first pass
        rig.Play(0xB0, 22, 127); // every bar anew
        rig.RunUntil(Seconds(start + (2 * length) - 1));
        Assert.Equal(1.0, rig.Performer.Status.Mutate);
        rig.Play(0xB0, 22, 0);
        rig.RunUntil(Seconds(start + (4 * length) + 0.5));
        rig.Performer.Stop();

        var notes = JukeboxNotes(rig);
        var passes = Enumerable.Range(0, 4).Select(p => Bars(notes, start + (p * length), bars: 2)).ToList();
        Assert.All(Enumerable.Range(0, 2), b => Assert.NotEqual(passes[0][b], passes[1][b]));
        Assert.Equal(passes[1], passes[2]);
        Assert.Equal(passes[2], passes[3]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Mutate_TheModelHearsTheKeptBarsAsPlayed_NotMutating_ItRests(double share)
    {
        using var rig = new Rig(new LiveOptions { LoopBars = 2, Mutate = share }, pitches: [60, 62, 64, 65, 67, 69, 71]);
        rig.Start();
        rig.RunUntil(4.1);
        var model = rig.Predictor;
        Assert.Equal(model.Predictions, model.Fed.Count); // so far only what it composed
        rig.Performer.SetLooping(true);
        rig.RunUntil(rig.Now + 0.05);
        var start = rig.Performer.Conductor.LoopStart;
        var predictions = model.Predictions;
        rig.RunUntil(Seconds(start + (4 * 2 * Bar)));

        // Context: tokens fed that the model did not compose (the kept bars, each note Shift Pitch Velocity Duration).
        var heard = model.Fed.Count - model.Predictions;
        var kept = (4 * 2) - rig.Performer.Conductor.BarsMutated;
        if (share == 0)
        {
            Assert.Equal(0, heard);
            Assert.Equal(predictions, model.Predictions);
        }
        else
        {
            // Eight eighths a bar; the next pass's first bar may be prepared already (a horizon ahead).
            Assert.InRange(heard, kept * 8 * 3, (kept + 1) * 8 * 4);
        }
    }

    private static Rig Looping(LiveOptions options, out double start)
    {
        var rig = new Rig(options, model: t => new OutOfKeyPredictor(t, new MusicalKey(0, KeyMode.Major)), temperature: 1);
        rig.Start();
        rig.RunUntil(Seconds((options.LoopBars * Bar) + 0.2));
        rig.Performer.SetLooping(true);
        rig.RunUntil(rig.Now + 0.05);
        Assert.True(rig.Performer.Status.Looping);
        start = rig.Performer.Conductor.LoopStart;
        return rig;
    }

    private static double Seconds(double beats) => beats / 2; // 120 BPM

    private static List<Note> JukeboxNotes(Rig rig) => [.. rig.Saves.Last!.Tracks.Single(t => t.Name == "AI Jukebox").Notes.OrderBy(n => n.Start)];

    /// <summary>The bars from <paramref name="from"/>: each one's note-ons as (place in the bar on the take's 480-tick grid, pitch).</summary>
    private static List<List<(int Tick, int Pitch)>> Bars(List<Note> notes, double from, int bars = LoopBars) =>
        [.. Enumerable.Range(0, bars).Select(b => notes
            .Where(n => n.Start >= from + (b * Bar) - 1e-6 && n.Start < from + ((b + 1) * Bar) - 1e-6)
            .Select(n => ((int)Math.Round((n.Start - from - (b * Bar)) * 480), n.Pitch))
            .ToList())];
}
