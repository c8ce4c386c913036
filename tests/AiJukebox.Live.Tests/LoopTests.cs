using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class LoopTests
{
    // Seven pitches against eight eighths a bar: no two bars of the model's stream are alike.
    private static readonly int[] Pitches = [60, 62, 64, 65, 67, 69, 71];

    private static double Beat(SentMessage m) => m.Ticks / (Rig.Frequency / 2.0); // 120 BPM

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Loop_RepeatsTheLastBarsBarForBar_ThenTheModelGoesOn(int bars)
    {
        using var rig = new Rig(new LiveOptions { LoopBars = bars }, pitches: Pitches);
        rig.Start();
        rig.RunUntil(4.1); // beat 8.2: two bars played
        rig.Performer.SetLooping(true);
        rig.RunUntil(4.2);
        Assert.True(rig.Performer.Status.Looping);
        var start = rig.Performer.Conductor.LoopStart;
        var length = bars * 4.0;
        Assert.Equal(0, start % 4, 9); // a bar line
        rig.RunUntil((start + (3 * length)) / 2); // three repeats

        var ons = rig.Sink.NoteOns.Where(m => m.Channel == 0).Select(m => (Beat: Beat(m), m.Pitch)).ToList();
        var source = Window(ons, start - length, start);
        Assert.NotEmpty(source);
        for (var pass = 0; pass < 3; pass++)
        {
            var repeat = Window(ons, start + (pass * length), start + ((pass + 1) * length));
            Assert.Equal(source.Count, repeat.Count);
            Assert.All(source.Zip(repeat), p =>
            {
                Assert.Equal(p.First.Pitch, p.Second.Pitch);
                Assert.Equal(p.First.Offset, p.Second.Offset, 6);
            });
        }

        // The stream before the loop had no repeats of its own.
        Assert.NotEqual(source.Select(n => n.Pitch), Window(ons, start - (2 * length), start - length).Select(n => n.Pitch));

        rig.Performer.SetLooping(false);
        var off = rig.Now;
        rig.RunUntil(off + (length / 2) + 2);
        Assert.False(rig.Performer.Status.Looping);
        var after = ons.Count;
        var later = rig.Sink.NoteOns.Where(m => m.Channel == 0).Skip(after).Select(m => m.Pitch).Take(source.Count).ToList();
        Assert.Equal(source.Count, later.Count);
        Assert.NotEqual(source.Select(n => n.Pitch), later); // new material
    }

    [Fact]
    public void Loop_ByControlChange_OnAndOff()
    {
        using var rig = new Rig(new LiveOptions(), pitches: Pitches);
        rig.Start();
        rig.RunUntil(4.1);
        rig.Play(0xB0, 21, 127);
        rig.RunUntil(4.2);
        Assert.True(rig.Performer.Status.Looping);
        rig.Play(0xB0, 21, 0);
        rig.RunUntil(4.3);
        Assert.False(rig.Performer.Status.Looping);
    }

    [Fact]
    public void Loop_StopWhileLooping_EndsTheLoop()
    {
        using var rig = new Rig(new LiveOptions(), pitches: Pitches);
        rig.Start();
        rig.RunUntil(4.1);
        rig.Performer.SetLooping(true);
        rig.RunUntil(6);
        rig.Performer.SetPlaying(false);
        rig.RunUntil(6.5);

        Assert.False(rig.Performer.Status.Looping);
        Assert.Empty(rig.Sink.HangingNotes());
    }

    private static List<(double Offset, int Pitch)> Window(List<(double Beat, int Pitch)> ons, double from, double to) =>
        [.. ons.Where(n => n.Beat >= from - 1e-6 && n.Beat < to - 1e-6).Select(n => (n.Beat - from, n.Pitch))];
}
