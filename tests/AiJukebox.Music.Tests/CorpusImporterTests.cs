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

    private void Put(string relative, string text) => Put(relative, System.Text.Encoding.UTF8.GetBytes(text));

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
    public void Import_BeatAnnotationsBeside_MoveAOneBeatPickupToTheEndOfAFirstBar()
    {
        // 120 BPM, 96 ticks a beat, a time signature of 1/4 as POP909's files have; the song's
        // downbeats are at beats 1, 5, 9 (a one-beat pickup), so its first note is a pickup.
        var song = File(0, 96, Track(Tempo(0, 120), TimeSignature(0, 1, 2), On(0, 60), Off(96, 60), On(0, 64), Off(96, 64)));
        Put("001/001.mid", song);
        Put("001/beat_midi.txt", string.Concat(Enumerable.Range(0, 12).Select(i => FormattableString.Invariant($"{i * 0.5:F3} 1.0 {((i - 1) % 4 == 0 ? 1.0 : 0.0):F1}\n"))));

        var aligned = CorpusImporter.Import([_root.FullName], new CorpusImportOptions(RemiTokenizer.TokenizerName));
        var asIs = CorpusImporter.Import([_root.FullName], new CorpusImportOptions(RemiTokenizer.TokenizerName, BeatAnnotations: false));

        Assert.Equal(1, aligned.FilesWithBeatAnnotations);
        Assert.Equal(0, asIs.FilesWithBeatAnnotations);
        var notes = Decode(aligned.Notes!);
        // Moved by 3 beats: the pickup is the last beat of bar 0 and the downbeat note opens bar 1 (4/4).
        Assert.Equal([3.0, 4.0], notes.Select(n => n.Start));
        Assert.Contains("TimeSig_4/4", aligned.Notes!.Pieces[0].Tokens.Select(t => aligned.Notes.Vocabulary[t]));
        Assert.Equal([0.0, 1.0], Decode(asIs.Notes!).Select(n => n.Start));
    }

    [Fact]
    public void Import_BeatAnnotationsWithSilenceBeforeTheFirstDownbeat_MovesThePieceEarlier()
    {
        // Downbeats at beats 1, 5, 9 and nothing played before beat 1: the song starts at bar 0.
        var song = File(0, 96, Track(Tempo(0, 120), On(96, 60), Off(96, 60), On(0, 64), Off(96, 64)));
        Put("002/002.mid", song);
        Put("002/beat_midi.txt", string.Concat(Enumerable.Range(0, 12).Select(i => FormattableString.Invariant($"{i * 0.5:F3} 1.0 {((i - 1) % 4 == 0 ? 1.0 : 0.0):F1}\n"))));

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions(RemiTokenizer.TokenizerName));

        Assert.Equal([0.0, 1.0], Decode(result.Notes!).Select(n => n.Start));
    }

    [Fact]
    public void Import_UnreadableBeatAnnotations_SkipsTheFileSayingWhatToDo()
    {
        Put("001/001.mid", SmallSong(60));
        Put("001/beat_midi.txt", "0.0 1.0 1.0\nnot a beat\n");

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("beat_midi.txt", skipped.Reason);
        Assert.Contains("--no-beat-annotations", skipped.Reason);
    }

    private static List<Note> Decode(NotesFile notes)
    {
        var decoder = TokenizerFactory.FromNotesFile(notes).CreateDecoder();
        var result = new List<Note>();
        foreach (var token in notes.Pieces[0].Tokens)
        {
            decoder.Feed(token, result);
        }

        return result;
    }

    [Fact]
    public void Import_TruncatedFile_KeepsWhatCameBeforeTheCutAndWarns()
    {
        Put("good.mid", SmallSong(60));
        Put("cut.mid", SmallSong(60)[..^4]);

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        Assert.Equal(["cut.mid", "good.mid"], result.Notes!.Pieces.Select(p => p.Path));
        Assert.Empty(result.Skipped);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(Path.Join(_root.FullName, "cut.mid"), warning.Path);
        Assert.StartsWith("truncated: the file ends inside track 0", warning.Message);
    }

    [Fact]
    public void Import_DamageBeyondRecovery_IsSkippedWithItsReason()
    {
        Put("good.mid", SmallSong(60));
        Put("bad.mid", [.. Header(0, 1, 96), .. Chunk("MTrk", [0x00, 0x3C, 0x40, 0x00, 0xFF, 0x2F, 0x00])]);

        var result = CorpusImporter.Import([_root.FullName], new CorpusImportOptions());

        Assert.Equal(["good.mid"], result.Notes!.Pieces.Select(p => p.Path));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(Path.Join(_root.FullName, "bad.mid"), skipped.Path);
        Assert.Contains("a data byte where an event should start", skipped.Reason);
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
