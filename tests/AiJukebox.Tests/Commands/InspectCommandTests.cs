using AiJukebox.Commands;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

public sealed class InspectCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("aijukebox-cli-inspect-");

    public void Dispose() => _root.Delete(recursive: true);

    private string In(string relative) => Path.Combine(_root.FullName, relative);

    [Fact]
    public void Inspect_MidiFile_ShowsFormatTracksNotesTempoAndLength()
    {
        MidiFileWriter.Save(In("song.mid"), new MidiSong(
            [new TempoChange(0, 120), new TempoChange(2, 60)],
            [new MidiTrackNotes("right", 0, 0, [new Note(0, 1, 72, 80), new Note(3, 1, 76, 80)]), new MidiTrackNotes("left", 1, null, [new Note(0, 2, 48, 80)])]));

        var (exit, stdout, stderr) = Cli.Run(InspectCommand.Create(), "inspect", In("song.mid"));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(
            [
                $"{In("song.mid")}: MIDI format 1, 480 ticks per quarter note, 3 tracks",
                "  track 0: 0 notes",
                "  track 1 \"right\": 2 notes on channel 1",
                "  track 2 \"left\": 1 notes on channel 2",
                "notes: 3 (pitches C3–E5)",
                "tempo: 120 BPM at beat 0; 60 BPM at beat 2",
                "length: 4 beats, 0:03.0 (3.0 s)",
            ],
            stdout.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Inspect_NotesFile_ShowsPiecesTokensVocabularyAndTopTokens()
    {
        var tokenizer = new EventsTokenizer();
        var notes = new NotesFile("events", tokenizer.Settings, tokenizer.Vocabulary,
        [
            new NotesFilePiece("a.mid", "00", tokenizer.Encode([new Note(0, 1, 60, 80), new Note(1, 1, 60, 80)])),
            new NotesFilePiece("b.mid", "11", tokenizer.Encode([new Note(0, 1, 62, 80)])),
        ]);
        notes.Save(In("notes.json"));

        var (exit, stdout, _) = Cli.Run(InspectCommand.Create(), "inspect", In("notes.json"));

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal($"{In("notes.json")}: notes file version 1, tokenizer events (maxShift=48, stepsPerBeat=12, velocityBins=32)", lines[0]);
        Assert.Equal($"vocabulary: 197 tokens (hash {tokenizer.Vocabulary.Hash[..12]})", lines[1]);
        Assert.Equal("pieces: 2, tokens: 14 (per piece: min 5, median 9, max 9)", lines[2]);
        Assert.Equal("most frequent tokens (of 7 used):", lines[3]);
        Assert.Matches(@"^  Velocity_82 +3 +21\.4%$", lines[4]);
    }

    [Fact]
    public void Inspect_MissingFile_ExitsOneWithOneLine()
    {
        var (exit, stdout, stderr) = Cli.Run(InspectCommand.Create(), "inspect", In("nope.json"));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"{In("nope.json")}: no such file", stderr.Trim());
    }

    [Fact]
    public void Inspect_DamagedMidi_ExitsOneWithReason()
    {
        File.WriteAllBytes(In("bad.mid"), [(byte)'M', (byte)'T', (byte)'h', (byte)'d', 0, 0]);

        var (exit, _, stderr) = Cli.Run(InspectCommand.Create(), "inspect", In("bad.mid"));

        Assert.Equal(1, exit);
        Assert.Equal($"{In("bad.mid")}: not a MIDI file (no MThd header)", stderr.Trim());
    }
}
