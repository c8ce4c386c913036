using AiJukebox.Live.Tests.Fakes;

namespace AiJukebox.Live.Tests;

public sealed class AccompanyTests
{
    [Fact]
    public void Accompany_FeedsEachPlayerNoteIntoTheContextAsItEnds()
    {
        using var rig = new Rig(new LiveOptions { Mode = PerformanceMode.Accompany });
        rig.Start();
        rig.RunUntil(1);
        rig.PlayNote(100, 1);
        rig.RunUntil(rig.Now + 0.5);

        var fed = rig.Predictor.FedTexts;
        var at = fed.IndexOf("Pitch_100");
        Assert.True(at > 0, "the player's note was not fed");
        Assert.Equal(["Pitch_100", "Velocity_96", "Duration_12"], fed.Skip(at).Take(3));
        // Fed between the jukebox's notes (after a Duration or Shift), never inside one.
        Assert.Contains(fed[at - 1].Split('_')[0], new[] { "Duration", "Shift" });
        Assert.DoesNotContain("BOS", fed.Skip(1));
        Assert.DoesNotContain("EOS", fed);
    }

    [Fact]
    public void Accompany_KeepsPlayingWhileThePlayerPlays()
    {
        using var rig = new Rig(new LiveOptions { Mode = PerformanceMode.Accompany });
        rig.Start();
        for (var i = 0; i < 4; i++)
        {
            rig.PlayNote(100, 0.5);
        }

        rig.RunUntil(4);
        var ons = rig.Sink.NoteOns.ToList();
        // Each note fed makes the scripted model rest half a beat (it reads it as its own note):
        // at most 16 eighth notes in 4 s, minus those rests, and still playing at the end.
        Assert.InRange(ons.Count, 10, 12);
        Assert.Contains(ons, m => m.Seconds(Rig.Frequency) > 3.5);
        Assert.DoesNotContain(ons, m => m.Pitch == 100); // the player's notes are context, not echoed
    }

    [Fact]
    public void Solo_DoesNotFeedPlayerNotes()
    {
        using var rig = new Rig(new LiveOptions { Mode = PerformanceMode.Solo });
        rig.Start();
        rig.PlayNote(100, 1);
        rig.RunUntil(2);
        Assert.DoesNotContain("Pitch_100", rig.Predictor.FedTexts);
    }
}
