using AiJukebox.Music.Evaluation;
using AiJukebox.Music.Sampling;

using CsCheck;

namespace AiJukebox.Music.Tests.Sampling;

public sealed class KeySamplingTests
{
    // Shift_1, then Pitch_60 (C4) .. Pitch_72 (C5): ids 1..13 are pitches 60..72.
    private static readonly Vocabulary Tokens = new(["Shift_1", .. Enumerable.Range(60, 13).Select(p => $"Pitch_{p}")]);
    private static readonly TokenPitches Pitches = TokenPitches.Of(Tokens);
    private static readonly MusicalKey CMajor = new(0, KeyMode.Major);

    private static int Id(int pitch) => pitch - 59;

    private static int PitchOf(int token) => Pitches.PitchOf(token);

    private static TokenSampler Sampler(SamplingOptions options, ulong seed = 1) => new(Tokens.Count, options, seed, pitches: Pitches);

    [Fact]
    public void Sample_StrengthOne_NeverLeavesTheKey()
    {
        var gen = Gen.Select(Gen.Float[-8f, 8f].Array[Tokens.Count], Gen.ULong, Gen.Double[0.1, 3.0]);
        gen.Sample(t =>
        {
            var (logits, seed, temperature) = t;
            var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = temperature, PassingToneSpacing = 0 }, seed);
            for (var i = 0; i < 50; i++)
            {
                var pitch = PitchOf(sampler.Sample(logits));
                Assert.True(pitch < 0 || CMajor.Contains(pitch), $"pitch {pitch}");
            }
        }, iter: 200);
    }

    [Fact]
    public void Sample_NoKeyOrStrengthZero_TheModelsChoice()
    {
        var logits = new float[Tokens.Count];
        logits[Id(61)] = 10;

        Assert.Equal(Id(61), Sampler(new SamplingOptions { Temperature = 0 }).Sample(logits));
        Assert.Equal(Id(61), Sampler(new SamplingOptions { Temperature = 0, Key = CMajor, KeyStrength = 0 }).Sample(logits));
        Assert.NotEqual(Id(61), Sampler(new SamplingOptions { Temperature = 0, Key = CMajor }).Sample(logits));
        // Without token pitches the sampler cannot tell a pitch: the key is ignored.
        Assert.Equal(Id(61), new TokenSampler(Tokens.Count, new SamplingOptions { Temperature = 0, Key = CMajor }, 1).Sample(logits));
    }

    [Fact]
    public void Sample_StrengthHalf_HalvesTheOddsOfAnOutOfKeyPitch()
    {
        // C4 and C#4 equally likely, nothing else possible: at strength 0.5, C#4's odds halve (1/3 against 2/3).
        var logits = Enumerable.Repeat(float.NegativeInfinity, Tokens.Count).ToArray();
        logits[Id(60)] = 0;
        logits[Id(61)] = 0;
        var sampler = Sampler(new SamplingOptions { Key = CMajor, KeyStrength = 0.5, PassingToneSpacing = 0 });

        const int draws = 20_000;
        var sharps = Enumerable.Range(0, draws).Count(_ => sampler.Sample(logits) == Id(61));

        Assert.InRange(sharps / (double)draws, 1 / 3.0 - 0.015, 1 / 3.0 + 0.015);
    }

    [Fact]
    public void Sample_OnlyOutOfKeyAllowed_TheGrammarWins()
    {
        var logits = new float[Tokens.Count];
        var allowed = new bool[Tokens.Count];
        allowed[Id(61)] = true;
        allowed[Id(63)] = true;

        var token = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0 }).Sample(logits, allowed);

        Assert.Contains(token, new[] { Id(61), Id(63) });
    }

    [Fact]
    public void Sample_NonPitchTokens_AreNotTouched()
    {
        var logits = new float[Tokens.Count];
        logits[0] = 10; // Shift_1
        logits[Id(61)] = 9;

        Assert.Equal(0, Sampler(new SamplingOptions { Key = CMajor, Temperature = 0 }).Sample(logits));
    }

    [Fact]
    public void Sample_PassingTone_AllowedBetweenTwoInKeyNotesAStepApart_ThenResolves()
    {
        // The model wants C#4 always; after C4 (in C major) C#4 can pass on to D4.
        var logits = new float[Tokens.Count];
        logits[0] = -20; // no Shift in between
        logits[Id(61)] = 10;
        logits[Id(67)] = 5;
        var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0, PassingToneSpacing = 1 });
        var c = new float[Tokens.Count];
        c[Id(60)] = 10;
        Assert.Equal(Id(60), sampler.Sample(c)); // a note of the jukebox's own first

        Assert.Equal(Id(61), sampler.Sample(logits));
        Assert.True(sampler.ResolutionPending);
        Assert.Equal(Id(62), sampler.Sample(logits)); // the resolution, though the model prefers G4
        Assert.False(sampler.ResolutionPending);
    }

    [Fact]
    public void Sample_PassingTones_NoCloserThanTheSpacing()
    {
        // A model that always wants the pitch a semitone above the last (a chromatic scale).
        var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0, PassingToneSpacing = 3 });
        var played = new List<int> { 60 };
        sampler.Remember(Id(60));
        for (var i = 0; i < 40; i++)
        {
            var logits = new float[Tokens.Count];
            logits[0] = -20;
            var last = played[^1];
            var up = last >= 72 ? 60 : last + 1;
            logits[Id(up)] = 10;
            logits[Id(last >= 72 ? 60 : Math.Min(72, last + 2))] = 5;
            played.Add(PitchOf(sampler.Sample(logits)));
        }

        var outside = played.Select((p, i) => (p, i)).Where(x => !CMajor.Contains(x.p)).Select(x => x.i).ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, i =>
        {
            // Approached by a semitone from the key, left by a semitone on into the key.
            Assert.True(CMajor.Contains(played[i - 1]) && Math.Abs(played[i] - played[i - 1]) == 1);
            if (i + 1 < played.Count)
            {
                Assert.Equal(played[i] + played[i] - played[i - 1], played[i + 1]);
            }
        });
        Assert.All(outside.Zip(outside.Skip(1)), pair => Assert.True(pair.Second - pair.First > 3, $"passing tones at {pair.First} and {pair.Second}"));
    }

    [Fact]
    public void Sample_PassingTone_NotBeforeTheSamplerDrewSpacingNotes()
    {
        // Context (the player's notes) does not count: right after a reset, C4 then C#4 is masked.
        var logits = new float[Tokens.Count];
        logits[0] = -20;
        logits[Id(61)] = 10;
        var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0, PassingToneSpacing = 2 });
        for (var i = 0; i < 5; i++)
        {
            sampler.Remember(Id(60));
        }

        Assert.NotEqual(Id(61), sampler.Sample(logits));
    }

    [Fact]
    public void Sample_PassingToneSpacingZero_NoPassingTones()
    {
        var logits = new float[Tokens.Count];
        logits[Id(61)] = 10;
        var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0, PassingToneSpacing = 0 });
        sampler.Remember(Id(60));

        Assert.NotEqual(Id(61), sampler.Sample(logits));
    }

    [Fact]
    public void Sample_OutOfKeyNoteNotAStepFromTheLast_Masked()
    {
        var logits = new float[Tokens.Count];
        logits[Id(66)] = 10; // F#4 after C4: a leap, no passing tone
        var sampler = Sampler(new SamplingOptions { Key = CMajor, Temperature = 0 });
        sampler.Remember(Id(60));

        Assert.NotEqual(Id(66), sampler.Sample(logits));
    }

    [Fact]
    public void SamplingOptions_KeyStrengthOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { KeyStrength = 1.01 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { KeyStrength = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingOptions { PassingToneSpacing = -1 });
    }

    [Fact]
    public void Constructor_PitchesOfAnotherVocabulary_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TokenSampler(Tokens.Count + 1, SamplingOptions.Default, 1, pitches: Pitches));
    }
}
