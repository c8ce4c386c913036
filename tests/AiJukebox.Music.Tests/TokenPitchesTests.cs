namespace AiJukebox.Music.Tests;

public sealed class TokenPitchesTests
{
    [Fact]
    public void Of_EventsVocabulary_PitchTokensSoundTheirPitch()
    {
        var vocabulary = new EventsTokenizer().Vocabulary;
        var pitches = TokenPitches.Of(vocabulary);

        Assert.Equal(vocabulary.Count, pitches.Count);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var text = vocabulary[id];
            if (text.StartsWith("Pitch_", StringComparison.Ordinal))
            {
                var pitch = int.Parse(text[6..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(pitch, pitches.PitchOf(id));
                Assert.Equal(1 << (pitch % 12), pitches.PitchClassesOf(id));
                Assert.Equal(id, pitches.PitchTokenOf(pitch));
            }
            else
            {
                Assert.Equal(-1, pitches.PitchOf(id));
                Assert.Equal(0, pitches.PitchClassesOf(id));
            }
        }
    }

    [Fact]
    public void Of_RemiVocabulary_BarsPositionsAndMetersSoundNothing()
    {
        var vocabulary = new RemiTokenizer().Vocabulary;
        var pitches = TokenPitches.Of(vocabulary);

        Assert.Equal(88, Enumerable.Range(0, vocabulary.Count).Count(id => pitches.PitchOf(id) >= 0));
        Assert.Equal(-1, pitches.PitchOf(vocabulary.IdOf("Bar")));
        Assert.Equal(0, pitches.PitchClassesOf(vocabulary.IdOf("TimeSig_4/4")));
        Assert.Equal(0, pitches.PitchClassesOf(vocabulary.IdOf("Position_0")));
        Assert.Equal(60, pitches.PitchOf(vocabulary.IdOf("Pitch_60")));
    }

    [Fact]
    public void Of_ChordsSymbols_NotesAndPitchClassSets()
    {
        var pitches = TokenPitches.Of(new Vocabulary(["0.4.7", "C#4", "C4.E4.G4", "E-5", "R"]));

        Assert.Equal(-1, pitches.PitchOf(0));
        Assert.Equal((1 << 0) | (1 << 4) | (1 << 7), pitches.PitchClassesOf(0));
        Assert.Equal(61, pitches.PitchOf(1));
        Assert.Equal(1 << 1, pitches.PitchClassesOf(1));
        Assert.Equal((1 << 0) | (1 << 4) | (1 << 7), pitches.PitchClassesOf(2));
        Assert.Equal(75, pitches.PitchOf(3));
        Assert.Equal(0, pitches.PitchClassesOf(4));
        Assert.Equal(-1, pitches.PitchOf(4));
        // A chords note name is no Pitch_p token: nothing to transpose it to.
        Assert.Equal(-1, pitches.PitchTokenOf(61));
    }

    [Theory]
    [InlineData("Pitch_0", 0)]
    [InlineData("Pitch_127", 127)]
    [InlineData("Pitch_128", -1)]
    [InlineData("Pitch_-1", -1)]
    [InlineData("Pitch_", -1)]
    [InlineData("Pitch_6x", -1)]
    [InlineData("Velocity_64", -1)]
    public void ParsePitchToken_OnlyPitchTokens(string text, int pitch)
    {
        Assert.Equal(pitch, TokenPitches.ParsePitchToken(text));
    }

    [Fact]
    public void Lookups_OutOfRange_SoundNothing()
    {
        var pitches = TokenPitches.Of(new Vocabulary(["Pitch_60"]));

        Assert.Equal(-1, pitches.PitchOf(-1));
        Assert.Equal(0, pitches.PitchClassesOf(1));
        Assert.Equal(-1, pitches.PitchTokenOf(200));
    }
}
