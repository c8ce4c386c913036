namespace AiJukebox.Model.Tests;

public sealed class TransposeAugmenterTests
{
    [Fact]
    public void Apply_ShiftsEveryPitchTogether_AndLeavesOtherTokens()
    {
        var vocabulary = SyntheticCorpus.EventsVocabulary();
        var augmenter = new TransposeAugmenter(vocabulary, 5);
        int[] window = [vocabulary.IdOf("Pitch_60"), vocabulary.IdOf("Velocity_1"), vocabulary.IdOf("Pitch_67"), vocabulary.IdOf("Shift_3")];
        var random = new Random(1);
        var shifts = new HashSet<int>();

        for (var i = 0; i < 200; i++)
        {
            var result = new long[4];
            augmenter.Apply(window, result, random);
            var shift = int.Parse(vocabulary[(int)result[0]]["Pitch_".Length..]) - 60;
            Assert.Equal($"Pitch_{67 + shift}", vocabulary[(int)result[2]]);
            Assert.Equal(window[1], result[1]);
            Assert.Equal(window[3], result[3]);
            shifts.Add(shift);
        }

        Assert.Equal(Enumerable.Range(-5, 11), shifts.Order());
    }

    [Fact]
    public void Apply_RemiWindow_ShiftsPitchesOnly()
    {
        var remi = new Music.RemiTokenizer();
        var window = remi.Encode([new Music.Note(0, 1, 60, 64), new Music.Note(3.5, 1, 64, 64)], [new Music.TimeSignatureChange(0, 3, 4)]);
        var augmenter = new TransposeAugmenter(remi.Vocabulary, 4);
        var random = new Random(2);
        var shifts = new HashSet<int>();

        for (var i = 0; i < 100; i++)
        {
            var result = new long[window.Length];
            augmenter.Apply(window, result, random);
            var texts = result.Select(t => remi.Vocabulary[(int)t]).ToArray();
            var shift = int.Parse(texts.First(t => t.StartsWith("Pitch_", StringComparison.Ordinal))["Pitch_".Length..]) - 60;
            Assert.Equal(
                window.Select(t => remi.Vocabulary[t]).Select(t => t.StartsWith("Pitch_", StringComparison.Ordinal) ? $"Pitch_{int.Parse(t[6..]) + shift}" : t),
                texts);
            shifts.Add(shift);
        }

        Assert.Equal(Enumerable.Range(-4, 9), shifts.Order());
    }

    [Fact]
    public void Apply_NearTheTopOfTheRange_NeverLeavesTheVocabulary()
    {
        var vocabulary = SyntheticCorpus.EventsVocabulary();
        var augmenter = new TransposeAugmenter(vocabulary, 6);
        int[] window = [vocabulary.IdOf("Pitch_106"), vocabulary.IdOf("Pitch_22")];
        var random = new Random(2);
        var shifts = new HashSet<int>();

        for (var i = 0; i < 100; i++)
        {
            var result = new long[2];
            augmenter.Apply(window, result, random);
            shifts.Add(int.Parse(vocabulary[(int)result[0]]["Pitch_".Length..]) - 106);
        }

        // 106 + 2 = 108 is the top, 22 - 1 = 21 the bottom.
        Assert.Equal(Enumerable.Range(-1, 4), shifts.Order());
    }
}
