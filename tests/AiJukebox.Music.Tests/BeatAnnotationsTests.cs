namespace AiJukebox.Music.Tests;

public sealed class BeatAnnotationsTests
{
    [Fact]
    public void ReadMeter_FourFourWithAOneBeatPickup_StartsTheGridAtTheFirstDownbeat()
    {
        // 90 BPM: a beat every 2/3 s; the downbeat is the second beat, then every fourth.
        var tempos = new TempoMap([new TempoChange(0, 90)]);
        var text = Lines(beats: 13, secondsPerBeat: 2.0 / 3, firstDownbeat: 1, barBeats: 4);

        var meter = BeatAnnotations.ReadMeter(text, tempos);

        Assert.Equal([new TimeSignatureChange(1, 4, 4)], meter);
    }

    [Fact]
    public void ReadMeter_ThreeBeatBars_IsThreeFour()
    {
        var tempos = new TempoMap([new TempoChange(0, 120)]);

        var meter = BeatAnnotations.ReadMeter(Lines(beats: 12, secondsPerBeat: 0.5, firstDownbeat: 0, barBeats: 3), tempos);

        Assert.Equal([new TimeSignatureChange(0, 3, 4)], meter);
    }

    [Fact]
    public void ReadMeter_SixEighthRowsABar_IsABarOfThreeBeats()
    {
        // Six eighth-note rows a bar, at 120 BPM (an eighth is 0.25 s): a bar is 3 quarter beats,
        // and the downbeat on the third row is beat 1.
        var tempos = new TempoMap([new TempoChange(0, 120)]);

        var meter = BeatAnnotations.ReadMeter(Lines(beats: 25, secondsPerBeat: 0.25, firstDownbeat: 2, barBeats: 6), tempos);

        Assert.Single(meter);
        Assert.Equal(3.0, meter[0].Numerator * 4.0 / meter[0].Denominator);
        Assert.Equal(1.0, meter[0].Beat);
    }

    [Fact]
    public void ReadMeter_FollowsTheTempoMap()
    {
        // 60 BPM for the first 2 beats, then 120: downbeats at 0 s, 2 s (beat 2), 3 s (beat 4).
        var tempos = new TempoMap([new TempoChange(0, 60), new TempoChange(2, 120)]);
        var text = "0.0 1 1\n1.0 1 0\n2.0 1 1\n2.5 1 0\n3.0 1 1\n";

        Assert.Equal([new TimeSignatureChange(0, 2, 4)], BeatAnnotations.ReadMeter(text, tempos));
        Assert.Equal(2.0, tempos.ToBeats(2.0), 9);
        Assert.Equal(3.0, tempos.ToBeats(2.5), 9);
    }

    [Fact]
    public void ReadMeter_FewerThanTwoDownbeats_IsEmpty()
    {
        Assert.Empty(BeatAnnotations.ReadMeter("0.0 1 1\n0.5 1 0\n", new TempoMap([])));
    }

    [Fact]
    public void ReadMeter_MalformedLine_NamesIt()
    {
        var error = Assert.Throws<FormatException>(() => BeatAnnotations.ReadMeter("0.0 1 1\nabc\n", new TempoMap([])));

        Assert.Contains("'abc'", error.Message);
    }

    private static string Lines(int beats, double secondsPerBeat, int firstDownbeat, int barBeats) =>
        string.Concat(Enumerable.Range(0, beats).Select(i =>
            FormattableString.Invariant($"{(i * secondsPerBeat) + 1e-9:F9} 1.0 {(i >= firstDownbeat && (i - firstDownbeat) % barBeats == 0 ? 1.0 : 0.0):F1}\n")));
}
