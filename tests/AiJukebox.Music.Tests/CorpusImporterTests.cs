using static AiJukebox.Music.Tests.Smf;

namespace AiJukebox.Music.Tests;

public sealed class CorpusImporterTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aijukebox-import-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Serialize(NotesFile notes)
    {
        using var stream = new MemoryStream();
        notes.Write(stream);
        return stream.ToArray();
    }

    private static byte[] SmallSong(int pitch) => File(0, 96, Track(On(0, pitch), Off(96, pitch), On(0, pitch + 4), Off(48, pitch + 4)));

    [Fact]
    public void Import_Folder_FindsMidiFilesOfAnyCaseRecursively()
    {
        Put("b/one.MID", SmallSong(60));
        Put("a/deep/two.midi", SmallSong(62));
        Put("a/notes.txt", [1, 2, 3]);

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        Assert.Equal(2, result.FilesFound);
        Assert.Equal(["a/deep/two.midi", "b/one.MID"], result.Notes!.Pieces.Select(p => p.Path));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SmallSong(62))), result.Notes.Pieces[0].Sha256);
        Assert.Equal(new EventsTokenizer().Encode(MidiFileImporter.Read(SmallSong(62), ImportOptions.Default).Pieces[0].Notes), result.Notes.Pieces[0].Tokens);
    }

    [Fact]
    public void Import_TruncatedChunk_ReportsAndSkips()
    {
        Put("good.mid", SmallSong(60));
        Put("bad.mid", SmallSong(60)[..^4]);

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        Assert.Equal(["good.mid"], result.Notes!.Pieces.Select(p => p.Path));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(Path.Join(_root.FullName, "bad.mid"), skipped.Path);
        Assert.StartsWith("truncated:", skipped.Reason);
    }

    [Fact]
    public void Import_OnlyDrums_SaysHowToKeepThem()
    {
        var drums = Put("drums.mid", File(0, 96, Track(On(0, 36, channel: 9), Off(96, 36, channel: 9))));

        var result = CorpusImporter.Import([drums], new CorpusImportOptions());

        Assert.Null(result.Notes);
        Assert.Equal($"{drums}: only drum notes (channel 10); add --include-drums to import them", Assert.Single(result.Skipped).ToString());
        Assert.NotNull(CorpusImporter.Import([drums], new CorpusImportOptions(Midi: new ImportOptions(IncludeDrums: true))).Notes);
    }

    [Fact]
    public void Import_MissingInput_IsReported()
    {
        Put("x.mid", SmallSong(60));
        var missing = Path.Combine(_root.FullName, "nope");

        var result = CorpusImporter.Import([missing, _root.FullName], new CorpusImportOptions());

        Assert.Equal($"{missing}: no such file or folder", Assert.Single(result.Skipped).ToString());
        Assert.Single(result.Notes!.Pieces);
    }

    [Fact]
    public void Import_Format2_EachTrackIsAPieceNamedByTrack()
    {
        Put("f2.mid", File(2, 96, Track(On(0, 60), Off(96, 60)), Track(On(0, 62), Off(96, 62))));

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        Assert.Equal(["f2.mid#track 0", "f2.mid#track 1"], result.Notes!.Pieces.Select(p => p.Path));
    }

    [Fact]
    public void Import_SameInputs_ByteIdenticalWhateverTheParallelism()
    {
        foreach (var name in new[] { "chpn-p7.mid", "chpn-p20.mid", "scn15_4.mid" })
        {
            Put($"piano/{name}", System.IO.File.ReadAllBytes(Fixture(name)));
        }

        for (var i = 0; i < 12; i++)
        {
            Put($"gen/{i:D2}.mid", SmallSong(40 + i));
        }

        foreach (var tokenizer in new[] { "events", "chords" })
        {
            var serial = Serialize(CorpusImporter.Import([_root.FullName], new CorpusImportOptions(tokenizer, MaxDegreeOfParallelism: 1)).Notes!);
            var parallel = Serialize(CorpusImporter.Import([_root.FullName], new CorpusImportOptions(tokenizer, MaxDegreeOfParallelism: 8)).Notes!);

            Assert.Equal(serial, parallel);
        }
    }

    [Fact]
    public void Import_Chords_VocabularyIsTheCorpusSymbols()
    {
        Put("a.mid", File(0, 96, Track(On(0, 60), On(0, 64), On(0, 67), Off(48, 60), Off(0, 64), Off(0, 67), On(48, 61), Off(48, 61))));

        var notes = CorpusImporter.Import([_root.FullName], new CorpusImportOptions("chords")).Notes!;

        Assert.Equal("chords", notes.Tokenizer);
        Assert.Equal(["0.4.7", "C#4", "R"], notes.Vocabulary.Tokens);
        Assert.Equal(["0.4.7", "R", "C#4"], notes.Pieces.Single().Tokens.Select(t => notes.Vocabulary[t]));
    }

    [Fact]
    public void Import_RealFiles_RoundTripThroughTheNotesFile()
    {
        var file = Put("piano/chpn-p20.mid", System.IO.File.ReadAllBytes(Fixture("chpn-p20.mid")));

        var notes = CorpusImporter.Import([file], new CorpusImportOptions()).Notes!;
        var reread = NotesFile.Read(new MemoryStream(Serialize(notes)), "test");
        var decoded = new List<Note>();
        var decoder = TokenizerFactory.FromNotesFile(reread).CreateDecoder();
        foreach (var token in reread.Pieces.Single().Tokens)
        {
            decoder.Feed(token, decoded);
        }

        Assert.Equal(EventsTokenizer.Quantize(MidiFileImporter.Read(file, ImportOptions.Default).Pieces.Single().Notes), decoded);
        Assert.Equal("chpn-p20.mid", reread.Pieces.Single().Path);
    }
}
