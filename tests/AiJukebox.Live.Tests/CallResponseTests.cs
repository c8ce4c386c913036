using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class CallResponseTests
{
    // 120 BPM: one beat = 0.5 s.
    private static readonly LiveOptions Options = new() { Mode = PerformanceMode.CallResponse, Tempo = 120, ResponseDelayBeats = 1, MinCallBeats = 1 };

    [Fact]
    public void CallResponse_AfterThePause_AnswersForAsLongAsTheCall()
    {
        using var rig = new Rig(Options);
        rig.Start();
        rig.RunUntil(0.5); // listening: nothing played
        Assert.Empty(rig.Sink.NoteOns);

        // A two-beat call: four half-beat notes, beats 1 to 3.
        foreach (var pitch in new[] { 67, 69, 71, 72 })
        {
            rig.PlayNote(pitch, 0.5);
        }

        var callEnd = rig.Now; // 1.5 s = beat 3
        rig.RunUntil(6);

        var ons = rig.Sink.NoteOns.ToList();
        Assert.NotEmpty(ons);
        var answerStart = callEnd + 0.5; // one beat of silence
        Assert.All(ons, m => Assert.InRange(m.Seconds(Rig.Frequency), answerStart, answerStart + 1.0 - 1e-9));
        Assert.Equal(answerStart, ons[0].Seconds(Rig.Frequency), 3);
        Assert.Equal(4, ons.Count); // 2 beats of eighth notes
        Assert.Empty(rig.Sink.HangingNotes());
        Assert.Equal(1, rig.Performer.Status.CallsAnswered);
    }

    [Fact]
    public void CallResponse_AnswerContinuesThePhrase()
    {
        using var rig = new Rig(Options);
        rig.Start();
        rig.PlayNote(67, 1);
        rig.PlayNote(69, 1);
        rig.RunUntil(4);

        // The model was primed with the call (BOS, then the notes), not with the EOS that closes the encoding.
        var fed = rig.Predictor.FedTexts;
        Assert.Equal(["BOS", "Pitch_67", "Velocity_96", "Duration_12", "Shift_12", "Pitch_69", "Velocity_96", "Duration_12"], fed.Take(8));
        Assert.DoesNotContain("EOS", fed);
    }

    [Fact]
    public void CallResponse_ResponseBeats_SetsTheAnswerLength()
    {
        using var rig = new Rig(Options with { ResponseBeats = 4 });
        rig.Start();
        rig.PlayNote(60, 1);
        rig.PlayNote(62, 1);
        var callEnd = rig.Now;
        rig.RunUntil(10);

        var ons = rig.Sink.NoteOns.ToList();
        Assert.Equal(8, ons.Count); // 4 beats of eighth notes
        Assert.All(ons, m => Assert.True(m.Seconds(Rig.Frequency) < callEnd + 0.5 + 2.0));
    }

    [Fact]
    public void CallResponse_CallShorterThanTheMinimum_IsIgnored()
    {
        using var rig = new Rig(Options with { MinCallBeats = 2 });
        rig.Start();
        rig.PlayNote(60, 0.5);
        rig.PlayNote(62, 0.5);
        rig.RunUntil(5);

        Assert.Empty(rig.Sink.NoteOns);
        Assert.Equal(1, rig.Performer.Status.CallsIgnored);
        Assert.Equal(0, rig.Performer.Status.CallsAnswered);
    }

    [Fact]
    public void CallResponse_KeyStillHeld_NoAnswer()
    {
        using var rig = new Rig(Options);
        rig.Start();
        rig.PlayNote(60, 2);
        rig.Play(0x90, 64, 100); // pressed and held
        rig.RunUntil(5);

        Assert.Empty(rig.Sink.NoteOns);
        rig.Play(0x80, 64, 0);
        rig.RunUntil(8);
        Assert.NotEmpty(rig.Sink.NoteOns);
    }

    [Fact]
    public void CallResponse_ListensAgainAfterAnswering()
    {
        using var rig = new Rig(Options);
        rig.Start();
        rig.PlayNote(60, 2);
        rig.RunUntil(rig.Now + 3);
        var firstAnswer = rig.Sink.NoteOns.Count();
        rig.RunUntil(rig.Now + 3);
        Assert.Equal(firstAnswer, rig.Sink.NoteOns.Count()); // silent until called again

        rig.PlayNote(65, 2);
        rig.RunUntil(rig.Now + 3);
        Assert.True(rig.Sink.NoteOns.Count() > firstAnswer);
        Assert.Equal(2, rig.Performer.Status.CallsAnswered);
    }

    [Fact]
    public void CallResponse_PlayerResumesJustBeforeTheAnswer_AnswerWaitsForTheWholeCall()
    {
        using var rig = new Rig(Options with { LeadBeats = 0.25 });
        rig.Start();
        rig.PlayNote(60, 2);
        rig.RunUntil(rig.Now + 0.45); // 0.9 beats of pause: the answer is already being composed
        rig.PlayNote(62, 1);
        var callEnd = rig.Now;
        rig.RunUntil(rig.Now + 4);

        var ons = rig.Sink.NoteOns.ToList();
        // The call's 0.9-beat gap is off the 12-step grid: the answer keeps the call's grid.
        Assert.InRange(ons[0].Seconds(Rig.Frequency), callEnd + 0.5, callEnd + 0.5 + (0.5 / 12));
        Assert.Equal(1, rig.Performer.Status.CallsAnswered);
        // The answer is as long as the whole call: 2 + 0.9 + 1 beats of eighth notes.
        Assert.Equal(8, ons.Count);
    }
}
