using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;

namespace AiJukebox.Live.Tests;

/// <summary>Switching models while playing: from the next phrase, with no gap, a new vocabulary included.</summary>
public sealed class ModelSwitchTests
{
    private static readonly int[] Old = [60, 62, 64, 65];
    private static readonly int[] New = [72, 74, 76];

    private static double Beat(SentMessage m) => Rig.BeatAt120(m.Ticks);

    [Fact]
    public async Task Solo_SwitchToAModelWithAnotherVocabulary_TakesOverOnTheNextBarLine_WithoutAGap()
    {
        using var rig = new Rig(new LiveOptions { Meter = BarMeter.CommonTime }, pitches: Old);
        rig.Start();
        rig.RunUntil(3.05); // beat 6.1
        var remi = new RemiTokenizer();
        var next = new ScriptedRemiPredictor(remi, New);
        var retired = rig.Performer.SwitchModel(remi, next);
        rig.RunUntil(7); // beat 14

        Assert.True(retired.IsCompletedSuccessfully);
        Assert.Same(rig.Model, await retired);
        var at = rig.Performer.Conductor.LastSwitchBeat;
        Assert.Equal(8, at); // the first bar line the old stream had not composed past
        Assert.Equal(1, rig.Performer.Status.ModelSwitches);
        var ons = rig.Sink.NoteOns.Where(m => m.Channel == 0).ToList();
        Assert.All(ons.Where(m => Beat(m) < at - 1e-6), m => Assert.Contains(m.Pitch, Old));
        var after = ons.Where(m => Beat(m) >= at - 1e-6).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, m => Assert.Contains(m.Pitch, New));
        // The new stream's bars are the performance's: its notes on beats 1-3 of each bar (the
        // scripted remi model), the first on the bar line itself: the music does not stop.
        Assert.Equal(at, Beat(after[0]), 6);
        Assert.All(after, m => Assert.Contains(Math.Round(Beat(m) % 4, 6), new[] { 0.0, 1.0, 2.0 }));
        // Primed with the bars played before the line, encoded by the new tokenizer, in the performance's metre.
        var fed = next.FedTexts;
        Assert.Equal(["BOS", "Bar", "TimeSig_4/4"], fed.Take(3));
        Assert.Contains("Pitch_60", fed);
        Assert.Contains("Pitch_65", fed);
        rig.Performer.Stop();
        Assert.Empty(rig.Sink.HangingNotes());
    }

    [Fact]
    public async Task CallResponse_Switch_TheNextAnswerIsTheNewModels_TheAnswerPlayingFinishes()
    {
        using var rig = new Rig(new LiveOptions { Mode = PerformanceMode.CallResponse, Align = PhraseAlignment.Bar }, pitches: Old);
        rig.Start();
        foreach (var pitch in new[] { 67, 69, 71, 72 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(rig.Now + 2.5); // into the answer (bar 2)
        var other = new FakeEventsTokenizer();
        var next = new ScriptedPredictor(other, New);
        var retired = rig.Performer.SwitchModel(other, next);
        rig.RunUntil(rig.Now + 0.5);
        Assert.False(retired.IsCompleted); // the answer playing is the old model's to finish
        rig.RunUntil(rig.Now + 2);
        var firstAnswer = rig.Sink.NoteOns.Select(m => m.Pitch).ToList();
        Assert.NotEmpty(firstAnswer);
        Assert.All(firstAnswer, p => Assert.Contains(p, Old));

        foreach (var pitch in new[] { 55, 57, 59, 60 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(rig.Now + 5);
        Assert.True(retired.IsCompletedSuccessfully);
        Assert.Same(rig.Model, await retired);
        var secondAnswer = rig.Sink.NoteOns.Skip(firstAnswer.Count).Select(m => m.Pitch).ToList();
        Assert.NotEmpty(secondAnswer);
        Assert.All(secondAnswer, p => Assert.Contains(p, New));
        Assert.Contains("Pitch_57", next.FedTexts); // the call, encoded for the new model
        Assert.Equal(2, rig.Performer.Status.CallsAnswered);
    }

    [Fact]
    public async Task Switch_SupersededOrAfterStop_HandsTheUnusedPredictorBack()
    {
        using var rig = new Rig(new LiveOptions(), pitches: Old);
        rig.Start();
        rig.RunUntil(1);
        var first = new ScriptedPredictor(rig.Tokenizer, New);
        var second = new ScriptedPredictor(rig.Tokenizer, [80]);
        var firstRetired = rig.Performer.SwitchModel(rig.Tokenizer, first);
        var secondRetired = rig.Performer.SwitchModel(rig.Tokenizer, second);
        Assert.True(firstRetired.IsCompletedSuccessfully); // superseded before it played
        Assert.Same(first, await firstRetired);
        rig.RunUntil(4);
        Assert.True(secondRetired.IsCompletedSuccessfully);
        Assert.Same(rig.Model, await secondRetired);
        Assert.Contains(80, rig.Sink.NoteOns.Select(m => m.Pitch));

        var late = new ScriptedPredictor(rig.Tokenizer, New);
        rig.Performer.Stop();
        var unused = rig.Performer.SwitchModel(rig.Tokenizer, late);
        Assert.True(unused.IsCompletedSuccessfully);
        Assert.Same(late, await unused);
        Assert.Throws<ArgumentException>(() => { _ = rig.Performer.SwitchModel(new RemiTokenizer(), late); });
    }

    [Fact]
    public void NextModelControl_RaisesTheRequest_OnlyAtTheButtonsPress()
    {
        using var rig = new Rig(new LiveOptions(), pitches: Old);
        var requests = 0;
        rig.Performer.NextModelRequested += () => requests++;
        rig.Start();
        rig.Play(0xB0, 23, 127);
        rig.RunUntil(0.1);
        rig.Play(0xB0, 23, 0);
        rig.RunUntil(0.2);

        Assert.Equal(1, requests);
        Assert.DoesNotContain(rig.Sink.Messages, m => (m.Bytes[0] & 0xF0) == 0xB0 && m.Bytes[1] == 23); // consumed
    }

    [Fact]
    public void Looping_Switch_MutatedBarsComeFromTheNewModel()
    {
        using var rig = new Rig(new LiveOptions { LoopBars = 1, Mutate = 1 }, pitches: Old);
        rig.Start();
        rig.RunUntil(2.1);
        rig.Performer.SetLooping(true);
        rig.RunUntil(2.2);
        var start = rig.Performer.Conductor.LoopStart;
        var next = new ScriptedPredictor(rig.Tokenizer, New);
        rig.Performer.SwitchModel(rig.Tokenizer, next);
        rig.RunUntil((start + 16) / 2);

        var at = rig.Performer.Conductor.LastSwitchBeat;
        Assert.Equal(0, (at - start) % 4, 6); // a bar of the loop
        var later = rig.Sink.NoteOns.Where(m => Beat(m) >= at + 4).Select(m => m.Pitch).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, p => Assert.Contains(p, New));
        Assert.True(rig.Performer.Status.Looping);
    }
}
