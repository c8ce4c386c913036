using AiJukebox.Music;
using AiJukebox.Music.Generation;

namespace AiJukebox.Music.Tests.Generation;

public sealed class PrimersTests
{
    private static readonly EventsTokenizer Events = new();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static NotesFile Corpus()
    {
        var pieces = new[] { "chpn-p7.mid", "chpn-p20.mid" }
            .Select(name => new NotesFilePiece(name, "", Events.Encode(MidiFileImporter.Read(Fixture(name), ImportOptions.Default).Pieces[0].Notes)))
            .ToArray();
        return new NotesFile(Events.Name, Events.Settings, Events.Vocabulary, pieces);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(99UL)]
    public void FromNotesFile_WindowStartsAndEndsOnNoteBoundaries(ulong seed)
    {
        var primer = Primers.FromNotesFile(Corpus(), Events, 100, seed);

        Assert.InRange(primer.Length, 90, 100);
        Assert.InRange(primer[0], EventsTokenizer.ShiftBase, EventsTokenizer.VelocityBase - 1);
        Assert.True(primer[^1] >= EventsTokenizer.DurationBase, $"last token {Events.Vocabulary[primer[^1]]} is not a duration");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(99UL)]
    public void FromNotesFile_Remi_WindowIsWholeBarsWithTheMeterInForce(ulong seed)
    {
        var remi = new RemiTokenizer();
        var pieces = new[] { "chpn-p7.mid", "chpn-p20.mid" }
            .Select(name => MidiFileImporter.Read(Fixture(name), ImportOptions.Default).Pieces[0])
            .Select((piece, i) => new NotesFilePiece($"{i}", "", remi.Encode(piece.Notes, piece.TimeSignatures)))
            .ToArray();
        var corpus = new NotesFile(remi.Name, remi.Settings, remi.Vocabulary, pieces);

        var primer = Primers.FromNotesFile(corpus, remi, 200, seed);

        var texts = primer.Select(t => remi.Vocabulary[t]).ToArray();
        Assert.Equal("Bar", texts[0]);
        Assert.StartsWith("TimeSig_", texts[1]);
        Assert.StartsWith("Duration_", texts[^1]);
        Assert.Contains(pieces, p => p.Tokens.Contains(primer[1]));
        var grammar = remi.CreateGrammar();
        var allowed = new bool[remi.Vocabulary.Count];
        grammar.Accept(primer[0]);
        foreach (var token in primer.Skip(1))
        {
            grammar.FillAllowed(allowed);
            Assert.True(allowed[token], remi.Vocabulary[token]);
            grammar.Accept(token);
        }
    }

    [Fact]
    public void FromNotesFile_SameSeedSameWindow_OtherSeedOtherWindow()
    {
        var corpus = Corpus();

        Assert.Equal(Primers.FromNotesFile(corpus, Events, 64, 5), Primers.FromNotesFile(corpus, Events, 64, 5));
        Assert.NotEqual(Primers.FromNotesFile(corpus, Events, 64, 5), Primers.FromNotesFile(corpus, Events, 64, 6));
    }

    [Fact]
    public void FromMidiFile_EncodesTheFilesNotes()
    {
        var notes = MidiFileImporter.Read(Fixture("chpn-p7.mid"), ImportOptions.Default).Pieces[0].Notes;

        var primer = Primers.FromMidiFile(Fixture("chpn-p7.mid"), Events);

        var decoded = new List<Note>();
        var decoder = Events.CreateDecoder();
        foreach (var token in primer)
        {
            decoder.Feed(token, decoded);
        }

        Assert.Equal(EventsTokenizer.Bos, primer[0]);
        Assert.DoesNotContain(EventsTokenizer.Eos, primer);
        Assert.Equal(notes.Count, decoded.Count);
    }

    [Fact]
    public void Empty_ChordsVocabularyWithoutBos_StartsWithARest()
    {
        var chords = new ChordsTokenizer(new Vocabulary(["0.4.7", "C4", ChordsTokenizer.Rest]), chordOctaves: false);

        Assert.Equal([2], Primers.Empty(chords));
    }
}
