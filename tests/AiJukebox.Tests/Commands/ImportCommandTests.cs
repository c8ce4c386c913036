using AiJukebox.Commands;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aijukebox-cli-import-");

    public void Dispose() => _root.Delete(recursive: true);

    private string In(string relative) => Path.Combine(_root.FullName, relative);

    [Fact]
    public void Import_Folder_WritesNotesFileAndSummary()
    {
        Directory.CreateDirectory(In("midi/sub"));
        Cli.WriteSong(In("midi/a.mid"), 60, 62, 64);
        Cli.WriteSong(In("midi/sub/b.MIDI"), 67, 65);

        var (exit, stdout, stderr) = Cli.Run(ImportCommand.Create(), "import", In("midi"), "-o", In("notes.json"));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("Imported 2 pieces from 2 of 2 files: 22 tokens, vocabulary 197 (events), 0 skipped;", stdout);
        var notes = NotesFile.Load(In("notes.json"));
        Assert.Equal(["a.mid", "sub/b.MIDI"], notes.Pieces.Select(p => p.Path));
    }

    [Fact]
    public void Import_BadFiles_ReportedOnePerLineAndSkipped()
    {
        Directory.CreateDirectory(In("midi"));
        Cli.WriteSong(In("midi/good.mid"), 60);
        File.WriteAllBytes(In("midi/garbage.mid"), [1, 2, 3, 4, 5]);
        File.WriteAllBytes(In("midi/cut.mid"), File.ReadAllBytes(In("midi/good.mid"))[..30]);

        var (exit, stdout, stderr) = Cli.Run(ImportCommand.Create(), "import", In("midi"), "-o", In("notes.json"), "--quiet");

        Assert.Equal(0, exit);
        Assert.Equal(
            [$"{Path.Join(In("midi"), "cut.mid")}: truncated: the header announces 2 tracks but only 1 were found", $"{Path.Join(In("midi"), "garbage.mid")}: not a MIDI file (no MThd header)"],
            stderr.TrimEnd().Split(Environment.NewLine));
        Assert.Contains("from 1 of 3 files", stdout);
        Assert.Contains("2 skipped", stdout);
    }

    [Fact]
    public void Import_NothingImportable_ExitsOneWithOneLineError()
    {
        File.WriteAllBytes(In("garbage.mid"), [1, 2, 3]);

        var (exit, stdout, stderr) = Cli.Run(ImportCommand.Create(), "import", In("garbage.mid"), "-o", In("notes.json"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.EndsWith("error: none of the 1 MIDI files could be imported (reasons above); nothing written." + Environment.NewLine, stderr);
        Assert.False(File.Exists(In("notes.json")));
    }

    [Fact]
    public void Import_EmptyFolder_SaysNoMidiFilesFound()
    {
        Directory.CreateDirectory(In("empty"));

        var (exit, _, stderr) = Cli.Run(ImportCommand.Create(), "import", In("empty"), "-o", In("notes.json"));

        Assert.Equal(1, exit);
        Assert.Equal($"error: no .mid or .midi files found in {In("empty")}; nothing written.", stderr.Trim());
    }

    [Fact]
    public void Import_Chords_WritesCorpusVocabulary()
    {
        Cli.WriteSong(In("a.mid"), 60, 61);

        var (exit, stdout, _) = Cli.Run(ImportCommand.Create(), "import", In("a.mid"), "-o", In("notes.json"), "--tokenizer", "chords");

        Assert.Equal(0, exit);
        Assert.Contains("vocabulary 2 (chords)", stdout);
        Assert.Equal(["C#4", "C4"], NotesFile.Load(In("notes.json")).Vocabulary.Tokens);
    }

    [Fact]
    public void Import_SameInputs_ByteIdenticalOutputForAnyJobs()
    {
        Directory.CreateDirectory(In("midi"));
        for (var i = 0; i < 10; i++)
        {
            Cli.WriteSong(In($"midi/{i}.mid"), 50 + i, 60 + i);
        }

        Cli.Run(ImportCommand.Create(), "import", In("midi"), "-o", In("one.json"), "--jobs", "1");
        Cli.Run(ImportCommand.Create(), "import", In("midi"), "-o", In("four.json"), "--jobs", "4");

        Assert.Equal(File.ReadAllBytes(In("one.json")), File.ReadAllBytes(In("four.json")));
    }

    [Fact]
    public void Import_TrackAndIncludeDrumsOptions_ReachTheReader()
    {
        MidiFileWriter.Save(In("band.mid"), new MidiSong([], [
            new MidiTrackNotes("piano", 0, 0, [new Note(0, 1, 60, 80)]),
            new MidiTrackNotes("drums", 9, null, [new Note(0, 0.5, 36, 100), new Note(1, 0.5, 38, 100)]),
        ]));
        var midi = new ImportOptions(IncludeDrums: true, Sustain: false, Track: 2);
        var expected = new EventsTokenizer().Encode(MidiFileImporter.Read(In("band.mid"), midi).Pieces.Single().Notes);

        var (exit, _, _) = Cli.Run(ImportCommand.Create(), "import", In("band.mid"), "-o", In("notes.json"), "--track", "2", "--include-drums", "--no-sustain");
        var (exitWithoutDrums, _, stderr) = Cli.Run(ImportCommand.Create(), "import", In("band.mid"), "-o", In("none.json"), "--track", "2");

        Assert.Equal(0, exit);
        Assert.Equal(expected, NotesFile.Load(In("notes.json")).Pieces.Single().Tokens);
        Assert.Equal(2, expected.Count(t => t == new EventsTokenizer().Vocabulary.IdOf("Duration_6")));
        Assert.Equal(1, exitWithoutDrums);
        Assert.StartsWith($"{In("band.mid")}: only drum notes (channel 10); add --include-drums", stderr);
    }

    [Fact]
    public void Import_ChordOctavesWithEvents_IsAUsageError()
    {
        Cli.WriteSong(In("a.mid"), 60);

        var (exit, _, stderr) = Cli.Run(ImportCommand.Create(), "import", In("a.mid"), "-o", In("notes.json"), "--chord-octaves");

        Assert.NotEqual(0, exit);
        Assert.Contains("--chord-octaves applies to --tokenizer chords only.", stderr);
    }

    [Fact]
    public void Import_UnwritableOutput_ExitsOneAndSaysWhy()
    {
        Cli.WriteSong(In("a.mid"), 60);
        File.WriteAllText(In("file"), "");

        var (exit, _, stderr) = Cli.Run(ImportCommand.Create(), "import", In("a.mid"), "-o", In("file/notes.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: cannot write {In("file/notes.json")}", stderr);
    }
}
