using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class BarAlignmentTests
{
    private const int TicksPerBeat = 480; // the take's grid

    [Theory]
    [InlineData(4, 4, 1.5)]
    [InlineData(4, 4, 2.75)]
    [InlineData(3, 4, 1.5)]
    [InlineData(6, 8, 2.25)]
    public void CallResponse_AlignBar_AnswerStartsOnTheNextBarLineAndLastsWholeBars(int numerator, int denominator, double callStartBeat)
    {
        var meter = new BarMeter(numerator, denominator);
        var options = new LiveOptions { Mode = PerformanceMode.CallResponse, Align = PhraseAlignment.Bar, Meter = meter, ResponseDelayBeats = 1 };
        using var rig = new Rig(options);
        rig.Start();
        rig.RunUntil(callStartBeat / 2); // 120 BPM: half a second a beat
        foreach (var pitch in new[] { 60, 62, 64, 65 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        var callEnd = callStartBeat + 2;
        var bar = meter.BarBeats;
        var expectedStart = Math.Ceiling((callEnd + 1) / bar) * bar;
        rig.RunUntil((expectedStart + (3 * bar)) / 2);

        var ons = rig.Sink.NoteOns.Select(m => m.Ticks / (Rig.Frequency / 2.0)).ToList();
        Assert.NotEmpty(ons);
        Assert.Equal(expectedStart, rig.Performer.Conductor.AnswerStart, 9);
        // The scripted model plays eighths on from the call's last note (the fake tokenizer's grid is
        // 1/12 beat): a call on the eighth-note grid is answered on the bar line itself.
        if (callStartBeat * 2 == Math.Floor(callStartBeat * 2))
        {
            Assert.InRange(Math.Abs((ons[0] * TicksPerBeat) - (expectedStart * TicksPerBeat)), 0, 1);
        }
        else
        {
            Assert.InRange(ons[0], expectedStart, expectedStart + 0.5);
        }
        // A call of 2 beats is one bar (or two, where it crosses a bar line): the answer is that many whole bars.
        var callBars = (int)Math.Ceiling((callEnd - (Math.Floor(callStartBeat / bar) * bar)) / bar);
        Assert.Equal(callBars, rig.Performer.Conductor.LastCallUnits);
        Assert.All(ons, beat => Assert.InRange(beat, expectedStart - (1.0 / TicksPerBeat), expectedStart + (callBars * bar)));
        Assert.True(ons[^1] >= expectedStart + (callBars * bar) - 0.5 - 1e-6, $"the answer fills its bars: last note at {ons[^1]}");
        Assert.Equal(rig.Performer.Conductor.LastCallUnits, callBars);
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public void CallResponse_AlignBar_TakeHasTheAnswerOnTheBarLine()
    {
        var options = new LiveOptions { Mode = PerformanceMode.CallResponse, Align = PhraseAlignment.Bar, ResponseDelayBeats = 1, RecordPath = "take.mid" };
        using var rig = new Rig(options);
        rig.Start();
        rig.RunUntil(0.75); // beat 1.5
        foreach (var pitch in new[] { 60, 62, 64, 65 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(8);
        rig.Performer.Stop();

        var song = rig.Saves.Last!;
        var jukebox = song.Tracks.Single(t => t.Name == "AI Jukebox").Notes;
        Assert.NotEmpty(jukebox);
        // Call 1.5-3.5, pause to 4.5: the answer starts at bar 3 (beat 4 is before the pause ends) = beat 8.
        Assert.InRange(Math.Abs((jukebox.Min(n => n.Start) * TicksPerBeat) - (8 * TicksPerBeat)), 0, 1);
    }

    [Fact]
    public void CallResponse_AlignBeat_AnswerStartsOnTheNextBeat()
    {
        var options = new LiveOptions { Mode = PerformanceMode.CallResponse, Align = PhraseAlignment.Beat, ResponseDelayBeats = 1 };
        using var rig = new Rig(options);
        rig.Start();
        rig.RunUntil(0.75); // beat 1.5
        foreach (var pitch in new[] { 60, 62, 64, 65 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(6);

        var first = rig.Sink.NoteOns.First().Ticks / (Rig.Frequency / 2.0);
        // Call 1.5-3.5, pause to 4.5: the next beat is 5; the call is 3 beats (1 to 4) long, and so is the answer.
        Assert.InRange(first, 5 - (1.0 / TicksPerBeat), 5 + (1.0 / TicksPerBeat));
        Assert.Equal(3, rig.Performer.Conductor.LastCallUnits);
        Assert.All(rig.Sink.NoteOns, m => Assert.True(m.Ticks / (Rig.Frequency / 2.0) < 8));
    }

    [Theory]
    [InlineData(PerformanceMode.Solo)]
    [InlineData(PerformanceMode.Accompany)]
    public void Stream_AlignBar_StartsOnTheFirstBarLine_AndRestartsOnTheNextOne(PerformanceMode mode)
    {
        using var rig = new Rig(new LiveOptions { Mode = mode, Align = PhraseAlignment.Bar });
        rig.Start();
        rig.RunUntil(2.6); // beat 5.2
        Assert.Equal(0, Rig.BeatAt120(rig.Sink.NoteOns.First().Ticks), 6);
        rig.Performer.SetPlaying(false);
        rig.RunUntil(2.7);
        var before = rig.Sink.NoteOns.Count();
        rig.Performer.SetPlaying(true);
        rig.RunUntil(4.5);

        var restart = Rig.BeatAt120(rig.Sink.NoteOns.Skip(before).First().Ticks);
        Assert.InRange(restart, 8 - (1.0 / TicksPerBeat), 8 + (1.0 / TicksPerBeat)); // bar 3
    }

    [Fact]
    public void Solo_AlignBar_ARemiStreamKeepsItsPlaceInTheBar()
    {
        var tokenizer = new Music.RemiTokenizer();
        var predictor = new ScriptedRemiPredictor(tokenizer, [60, 62, 64]);
        var clock = new ManualClock(Rig.Frequency);
        var sink = new RecordingSink(clock);
        var v = tokenizer.Vocabulary;
        // A primer that ends on beat 2 of a 4/4 bar: the model's next note is on beat 3.
        int[] primer = [.. new[] { "BOS", "Bar", "TimeSig_4/4", "Position_0", "Pitch_60", "Velocity_98", "Duration_6", "Position_12", "Pitch_62", "Velocity_98", "Duration_6" }.Select(v.IdOf)];
        var options = new LiveOptions { Align = PhraseAlignment.Bar, Sampling = Music.Sampling.SamplingOptions.Default with { Temperature = 0 } };
        using var performer = new Performer(options, tokenizer, predictor, clock, sink, primer: primer);
        performer.StartCore();
        ManualRun.Until(performer, clock, 2.6);
        performer.SetPlaying(false);
        ManualRun.Until(performer, clock, 2.7);
        var before = sink.NoteOns.Count();
        performer.SetPlaying(true);
        ManualRun.Until(performer, clock, 6);

        var first = sink.NoteOns.Select(m => Rig.BeatAt120(m.Ticks)).ToList();
        Assert.Equal(2, first[0], 6); // beat 3 of bar 1
        // After the restart, from bar 3: on beats 1-3 of every bar, as the stream's own bars have them.
        var again = first.Skip(before).ToList();
        Assert.NotEmpty(again);
        Assert.InRange(again[0], 8, 12);
        Assert.All(first, b => Assert.Contains(Math.Round(b % 4, 6), new[] { 0.0, 1.0, 2.0 }));
    }

    [Fact]
    public void Meter_FromTheRemiPrimersTimeSig_ElseCommonTime()
    {
        var tokenizer = new Music.RemiTokenizer();
        var predictor = new UniformPredictor(tokenizer.Vocabulary.Count);
        var clock = new ManualClock(Rig.Frequency);
        var sink = new RecordingSink(clock);
        int[] primer = [tokenizer.Vocabulary.IdOf("Bar"), tokenizer.Vocabulary.IdOf("TimeSig_6/8")];

        using var performer = new Performer(new LiveOptions(), tokenizer, predictor, clock, sink, primer: primer);
        using var plain = new Performer(new LiveOptions(), tokenizer, predictor, clock, sink);
        using var told = new Performer(new LiveOptions { Meter = BarMeter.Parse("3/4") }, tokenizer, predictor, clock, sink, primer: primer);

        Assert.Equal(new BarMeter(6, 8), performer.Status.Meter);
        Assert.Equal(BarMeter.CommonTime, plain.Status.Meter);
        Assert.Equal(new BarMeter(3, 4), told.Status.Meter);
    }

    [Theory]
    [InlineData(0.0, 1, 1)]
    [InlineData(3.99, 1, 4)]
    [InlineData(4.0, 2, 1)]
    [InlineData(9.5, 3, 2)]
    public void Status_BarAndBeatInBar(double beat, long bar, int beatInBar)
    {
        var status = new PerformerStatus(PerformanceMode.Solo, true, 120, 1, beat, 0, 0, 0, 0, 0, 0, 0, 0, null, null, Meter: BarMeter.CommonTime);

        Assert.Equal(bar, status.Bar);
        Assert.Equal(beatInBar, status.BeatInBar);
    }

    [Theory]
    [InlineData("4/4", 4.0)]
    [InlineData("6/8", 3.0)]
    [InlineData("7/8", 3.5)]
    [InlineData("2/2", 4.0)]
    public void BarMeter_Parse_BarBeats(string text, double beats)
    {
        var meter = BarMeter.Parse(text);
        Assert.Equal(beats, meter.BarBeats);
        Assert.Equal(text, meter.ToString());
    }

    [Theory]
    [InlineData("4")]
    [InlineData("4/3")]
    [InlineData("0/4")]
    [InlineData("4/4/4")]
    [InlineData("x/4")]
    public void BarMeter_Parse_NotAMeter_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => BarMeter.Parse(text));
    }

    private sealed class UniformPredictor(int size) : Music.ITokenPredictor
    {
        public int VocabularySize => size;

        public void Reset()
        {
        }

        public void Feed(int token)
        {
        }

        public void Predict(Span<float> logits) => logits.Clear();

        public void Dispose()
        {
        }
    }
}
