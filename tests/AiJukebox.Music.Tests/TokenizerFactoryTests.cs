namespace AiJukebox.Music.Tests;

public class TokenizerFactoryTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public void Create_Events_IsTheFixedTokenizer()
    {
        var tokenizer = TokenizerFactory.Create("events", new EventsTokenizer().Settings, new EventsTokenizer().Vocabulary);

        Assert.IsType<EventsTokenizer>(tokenizer);
        Assert.Equal("12", tokenizer.Settings["stepsPerBeat"]);
    }

    [Fact]
    public void Create_UnknownName_SaysWhichExist()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("cpword", NoSettings));

        Assert.StartsWith("Unknown tokenizer 'cpword' (known: events, chords, remi).", error.Message);
    }

    [Fact]
    public void Create_EventsWithOtherGrid_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("events", new Dictionary<string, string> { ["stepsPerBeat"] = "4" }));

        Assert.Contains("stepsPerBeat=12 only", error.Message);
    }

    [Fact]
    public void Create_EventsWithForeignVocabulary_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("events", NoSettings, new Vocabulary(["C4"])));
    }

    [Fact]
    public void Create_ChordsWithoutVocabulary_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("chords", NoSettings));

        Assert.Contains("needs its corpus vocabulary", error.Message);
    }

    [Fact]
    public void FromNotesFile_Chords_RecreatesTheTokenizer()
    {
        var notes = new NotesFile("chords", new Dictionary<string, string> { ["chordOctaves"] = "true", ["stepsPerBeat"] = "2" }, new Vocabulary(["C4", "C4.E4", "R"]), []);

        var tokenizer = Assert.IsType<ChordsTokenizer>(TokenizerFactory.FromNotesFile(notes));

        Assert.True(tokenizer.ChordOctaves);
        Assert.Equal(notes.Vocabulary.Hash, tokenizer.Vocabulary.Hash);
    }

    [Fact]
    public void FromNotesFile_UnknownTokenizer_ThrowsNotesFileException()
    {
        var notes = new NotesFile("cpword", NoSettings, new Vocabulary(["x"]), []);

        var error = Assert.Throws<NotesFileException>(() => TokenizerFactory.FromNotesFile(notes));

        Assert.Contains("Unknown tokenizer 'cpword'", error.Message);
    }
}
