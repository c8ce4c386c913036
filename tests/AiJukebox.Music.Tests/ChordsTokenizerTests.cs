using CsCheck;

namespace AiJukebox.Music.Tests;

public class ChordsTokenizerTests
{
    [Fact]
    public void ToSymbols_SingleNotesChordsAndRests_OnePerHalfBeat()
    {
        Note[] notes =
        [
            new Note(0, 1, 61, 64),
            new Note(1, 1, 60, 64), new Note(1.1, 1, 64, 64), new Note(0.9, 1, 67, 64),
            new Note(2.5, 0.5, 70, 64),
        ];

        var symbols = ChordsTokenizer.ToSymbols(notes, chordOctaves: false);

        Assert.Equal(["C#4", "R", "0.4.7", "R", "R", "B-4"], symbols);
    }

    [Fact]
    public void ToSymbols_ChordOctaves_KeepsNoteNames()
    {
        var symbols = ChordsTokenizer.ToSymbols([new Note(0, 1, 48, 64), new Note(0, 1, 64, 64), new Note(0, 1, 67, 64)], chordOctaves: true);

        Assert.Equal(["C3.E4.G4"], symbols);
    }

    [Theory]
    [InlineData(new[] { 0, 4, 7 }, "0.4.7")]
    [InlineData(new[] { 7, 11, 2 }, "7.11.2")]
    [InlineData(new[] { 4, 7, 0 }, "0.4.7")]
    [InlineData(new[] { 0, 3, 7, 10 }, "7.10.0.3")]
    [InlineData(new[] { 0, 4, 8 }, "0.4.8")]
    [InlineData(new[] { 0, 12 }, "0")]
    [InlineData(new[] { 11, 0 }, "11.0")]
    public void NormalOrder_MostCompactRotation(int[] pitchClasses, string expected)
    {
        Assert.Equal(expected, string.Join('.', NormalOrder.Of(pitchClasses)));
    }

    [Theory]
    [InlineData(60, "C4")]
    [InlineData(61, "C#4")]
    [InlineData(63, "E-4")]
    [InlineData(21, "A0")]
    [InlineData(108, "C8")]
    [InlineData(0, "C_1")]
    [InlineData(127, "G9")]
    public void PitchNames_RoundTrip(int pitch, string name)
    {
        Assert.Equal(name, PitchNames.ToName(pitch));
        Assert.True(PitchNames.TryParse(name, out var parsed));
        Assert.Equal(pitch, parsed);
    }

    [Fact]
    public void ForCorpus_VocabularyIsTheSymbolsSortedOrdinally()
    {
        var tokenizer = ChordsTokenizer.ForCorpus([["C4", "R", "0.4.7"], ["B-4", "C4", "11.2.5"]], chordOctaves: false);

        Assert.Equal(["0.4.7", "11.2.5", "B-4", "C4", "R"], tokenizer.Vocabulary.Tokens);
        Assert.Equal("false", tokenizer.Settings["chordOctaves"]);
    }

    [Fact]
    public void Decode_EachSymbolIsAHalfBeat_ChordsInOctaveFour()
    {
        var tokenizer = ChordsTokenizer.ForCorpus([["C#4", "R", "0.4.7"]], chordOctaves: false);
        var decoder = tokenizer.CreateDecoder();
        var notes = new List<Note>();

        foreach (var token in tokenizer.Encode([new Note(0, 1, 61, 90), new Note(1, 1, 60, 90), new Note(1, 1, 52, 90), new Note(1, 1, 67, 90)]))
        {
            decoder.Feed(token, notes);
        }

        Assert.Equal([new Note(0, 0.5, 61, 64), new Note(1, 0.5, 60, 64), new Note(1, 0.5, 64, 64), new Note(1, 0.5, 67, 64)], notes);
        Assert.Equal(1.5, decoder.Position);
    }

    [Fact]
    public void DecodeOfEncode_WithOctaves_KeepsEveryOnsetStepAndPitch()
    {
        EventsTokenizerTests.NoteGen.List[0, 50].Sample(notes =>
        {
            var tokenizer = ChordsTokenizer.ForCorpus([ChordsTokenizer.ToSymbols(notes, chordOctaves: true)], chordOctaves: true);
            var decoder = tokenizer.CreateDecoder();
            var decoded = new List<Note>();
            foreach (var token in tokenizer.Encode(notes))
            {
                decoder.Feed(token, decoded);
            }

            var expected = notes
                .Select(n => (Step: (int)Math.Round(n.Start * 2, MidpointRounding.AwayFromZero), Pitch: NoteBins.FoldPitch(n.Pitch)))
                .Distinct()
                .Select(x => new Note(x.Step / 2.0, 0.5, x.Pitch, ChordsTokenizer.DecodedVelocity))
                .OrderBy(n => n.Start).ThenBy(n => n.Pitch);
            Assert.Equal(expected, decoded);
        }, iter: 300);
    }

    [Fact]
    public void Encode_SymbolNotInVocabulary_FallsBackToTheLowestNote()
    {
        var tokenizer = ChordsTokenizer.ForCorpus([["C4", "R"]], chordOctaves: false);

        var tokens = tokenizer.Encode([new Note(0, 1, 60, 64), new Note(0, 1, 63, 64), new Note(1, 1, 99, 64)]);

        Assert.Equal(["C4", "R", "R"], tokens.Select(t => tokenizer.Vocabulary[t]));
    }

    [Fact]
    public void Grammar_AllowsEverySymbol()
    {
        var tokenizer = ChordsTokenizer.ForCorpus([["C4", "R", "0.4.7"]], chordOctaves: false);
        var grammar = tokenizer.CreateGrammar();
        var allowed = new bool[3];

        grammar.Accept(1);
        grammar.FillAllowed(allowed);

        Assert.All(allowed, Assert.True);
    }

    [Fact]
    public void Constructor_VocabularyWithANonSymbol_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ChordsTokenizer(new Vocabulary(["C4", "Pitch_60"]), chordOctaves: false));
    }
}
