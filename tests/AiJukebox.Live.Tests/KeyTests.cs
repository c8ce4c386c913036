using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live.Tests;

public sealed class KeyTests
{
    private static readonly MusicalKey FSharpMajor = new(6, KeyMode.Major);
    private static readonly MusicalKey EMinor = new(4, KeyMode.Minor);
    private static readonly MusicalKey DMajor = new(2, KeyMode.Major);

    // Two bars of eighths each: up the tonic triad, down the scale, a cadence.
    private static readonly int[] FSharpCall = [66, 70, 73, 78, 77, 75, 73, 70, 71, 70, 68, 65, 66, 68, 70, 66];
    private static readonly int[] EMinorCall = [64, 67, 71, 76, 74, 72, 71, 67, 69, 67, 66, 63, 64, 66, 67, 64];

    [Fact]
    public void Solo_FixedKey_AtLeast95PercentInKey()
    {
        var options = new LiveOptions { Key = KeySetting.Parse("F#:major") };
        using var rig = new Rig(options, model: t => new OutOfKeyPredictor(t, FSharpMajor), temperature: 1);
        rig.Start();
        rig.RunUntil(60); // 120 beats of eighths

        var pitches = rig.Sink.NoteOns.Select(m => m.Pitch).ToList();
        Assert.True(pitches.Count > 150, $"{pitches.Count} notes");
        var share = Share(pitches, FSharpMajor);
        Console.WriteLine($"--key F#:major: {share:P1} of {pitches.Count} notes in F# major");
        Assert.True(share >= 0.95, $"{share:P1} in key");
        Assert.Equal(KeyState.Locked, rig.Performer.Status.KeyState);
        Assert.Equal(FSharpMajor, rig.Performer.Status.Key);
    }

    [Fact]
    public void Solo_KeyOff_TheModelLeavesTheKey()
    {
        using var rig = new Rig(new LiveOptions(), model: t => new OutOfKeyPredictor(t, FSharpMajor), temperature: 1);
        rig.Start();
        rig.RunUntil(30);

        var pitches = rig.Sink.NoteOns.Select(m => m.Pitch).ToList();
        var share = Share(pitches, FSharpMajor);
        Console.WriteLine($"--key off: {share:P1} of {pitches.Count} notes in F# major");
        Assert.True(share < 0.5, $"{share:P1} in key");
        Assert.Equal(KeyState.Off, rig.Performer.Status.KeyState);
        Assert.Null(rig.Performer.Status.Key);
    }

    [Fact]
    public void Solo_FixedKeyWithTranspose_SoundsInTheKey()
    {
        // The model's notes sound 3 semitones up: the sampler keeps the model in B major so that D major sounds.
        var options = new LiveOptions { Key = KeySetting.Fixed(DMajor), Transpose = 3 };
        using var rig = new Rig(options, model: t => new OutOfKeyPredictor(t, new MusicalKey(11, KeyMode.Major)), temperature: 1);
        rig.Start();
        rig.RunUntil(30);

        var share = Share(rig.Sink.NoteOns.Select(m => m.Pitch).ToList(), DMajor);
        Assert.True(share >= 0.95, $"{share:P1} in key");
    }

    [Fact]
    public void CallResponse_KeyAuto_EachAnswerInItsCallsKey()
    {
        var (first, second, rig) = TwoCalls(new LiveOptions { Mode = PerformanceMode.CallResponse, Key = KeySetting.Auto });
        using (rig)
        {
            var a = Share(first, FSharpMajor);
            var b = Share(second, EMinor);
            Console.WriteLine($"--key auto: answer to F# major {a:P1} of {first.Count} in key, answer to E minor {b:P1} of {second.Count} in key");
            Assert.True(first.Count >= 12 && second.Count >= 12, $"{first.Count} and {second.Count} notes");
            Assert.True(a >= 0.95, $"first answer {a:P1} in F# major");
            Assert.True(b >= 0.95, $"second answer {b:P1} in E minor");
            Assert.Equal(KeyState.Following, rig.Performer.Status.KeyState);
            Assert.Equal(EMinor, rig.Performer.Status.Key);
        }
    }

    [Fact]
    public void CallResponse_KeyAuto_FollowsTheSecondCallWithinItsFirstNotes()
    {
        using var rig = new Rig(new LiveOptions { Mode = PerformanceMode.CallResponse, Key = KeySetting.Auto }, model: t => new OutOfKeyPredictor(t, FSharpMajor), temperature: 1);
        rig.Start();
        foreach (var pitch in FSharpCall)
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(rig.Now + 5);
        Assert.Equal(FSharpMajor, rig.Performer.Status.Key);
        var heard = 0;
        foreach (var pitch in EMinorCall)
        {
            rig.PlayNote(pitch, 0.5);
            rig.RunUntil(rig.Now + 0.001); // the release is taken in
            heard++;
            if (rig.Performer.Status.Key == EMinor)
            {
                break;
            }
        }

        Console.WriteLine($"--key auto: followed F# major -> E minor after {heard} notes of the new call");
        Assert.Equal(EMinor, rig.Performer.Status.Key);
        Assert.InRange(heard, 1, 4);
    }

    [Fact]
    public void CallResponse_KeyOff_AnswersLeaveTheKey()
    {
        var (first, second, rig) = TwoCalls(new LiveOptions { Mode = PerformanceMode.CallResponse });
        using (rig)
        {
            var a = Share(first, FSharpMajor);
            var b = Share(second, EMinor);
            Console.WriteLine($"--key off: answer to F# major {a:P1} in key, answer to E minor {b:P1} in key");
            Assert.True(a < 0.5 && b < 0.5);
        }
    }

    [Fact]
    public void CallResponse_LockedByControlChange_KeepsTheFirstKeyUntilUnlocked()
    {
        var options = new LiveOptions { Mode = PerformanceMode.CallResponse, Key = KeySetting.Auto };
        var (first, second, rig) = TwoCalls(options, beforeSecondCall: r => r.Play(0xB0, 19, 127));
        using (rig)
        {
            Assert.True(Share(second, FSharpMajor) >= 0.95, "the locked key held");
            Assert.Equal(KeyState.Locked, rig.Performer.Status.KeyState);
            Assert.Equal(FSharpMajor, rig.Performer.Status.Key);

            rig.Performer.SetKeyLocked(false);
            rig.RunUntil(rig.Now + 0.1);

            Assert.Equal(KeyState.Following, rig.Performer.Status.KeyState);
            Assert.Equal(EMinor, rig.Performer.Status.Key);
        }
    }

    [Fact]
    public void SetKeyLocked_Toggle_LocksAndUnlocks_OffStaysOff()
    {
        using var rig = new Rig(new LiveOptions { Key = KeySetting.Parse("e:minor") });
        rig.Start();
        rig.RunUntil(0.1);
        Assert.Equal(KeyState.Locked, rig.Performer.Status.KeyState);

        rig.Performer.SetKeyLocked(null);
        rig.RunUntil(0.2);
        Assert.Equal(KeyState.Following, rig.Performer.Status.KeyState);

        rig.Performer.SetKeyLocked(null);
        rig.RunUntil(0.3);
        Assert.Equal(KeyState.Locked, rig.Performer.Status.KeyState);

        using var off = new Rig();
        off.Start();
        off.Performer.SetKeyLocked(true);
        off.RunUntil(0.2);
        Assert.Equal(KeyState.Off, off.Performer.Status.KeyState);
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("OFF", "off")]
    [InlineData("F#:major", "F#:major")]
    [InlineData("bb:minor", "B-:minor")]
    public void KeySetting_Parse_RoundTrips(string text, string written)
    {
        Assert.Equal(written, KeySetting.Parse(text).ToString());
        Assert.Equal(KeySetting.Parse(text), KeySetting.Parse(written));
    }

    [Fact]
    public void KeySetting_Parse_NotAKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => KeySetting.Parse("F# major"));
        Assert.Throws<ArgumentException>(() => new LiveOptions { Key = null! });
    }

    private static double Share(IReadOnlyList<int> pitches, MusicalKey key) =>
        pitches.Count == 0 ? 0 : pitches.Count(key.Contains) / (double)pitches.Count;

    /// <summary>A call in F# major, its answer, then a call in E minor and its answer; the notes of each answer.</summary>
    private static (List<int> First, List<int> Second, Rig Rig) TwoCalls(LiveOptions options, Action<Rig>? beforeSecondCall = null)
    {
        var predictor = (OutOfKeyPredictor?)null;
        var rig = new Rig(options, model: t => predictor = new OutOfKeyPredictor(t, FSharpMajor), temperature: 1);
        rig.Start();
        rig.RunUntil(0.5);
        foreach (var pitch in FSharpCall)
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(rig.Now + 5); // a beat's pause, then 8 beats of answer
        var split = rig.Clock.Now;
        beforeSecondCall?.Invoke(rig);
        predictor!.Avoid = EMinor;
        foreach (var pitch in EMinorCall)
        {
            rig.PlayNote(pitch, 0.5);
        }

        rig.RunUntil(rig.Now + 5);
        var ons = rig.Sink.NoteOns.ToList();
        Assert.Equal(2, rig.Performer.Status.CallsAnswered);
        return ([.. ons.Where(m => m.Ticks < split).Select(m => m.Pitch)], [.. ons.Where(m => m.Ticks >= split).Select(m => m.Pitch)], rig);
    }
}
