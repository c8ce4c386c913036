using System.Buffers.Binary;

using CsCheck;

using NAudio.Midi;

namespace AiJukebox.Music.Tests;

public class MidiFileWriterTests
{
    private static readonly MidiSong Song = new(
        [new TempoChange(0, 100), new TempoChange(4, 150)],
        [
            new MidiTrackNotes("Player", 0, 0, [new Note(0, 1, 60, 90), new Note(0.5, 0.25, 64, 70), new Note(3.75, 2, 67, 127)]),
            new MidiTrackNotes("Jukebox", 1, null, [new Note(1, 0.5, 72, 50), new Note(2, 1, 48, 100)]),
        ]);

    private static byte[] Bytes(MidiSong song)
    {
        using var stream = new MemoryStream();
        MidiFileWriter.Write(stream, song);
        return stream.ToArray();
    }

    [Fact]
    public void Write_ReadBackWithOwnReader_GivesTheSameNotesAndTempos()
    {
        var read = MidiFileImporter.Read(Bytes(Song), ImportOptions.Default);

        Assert.Equal(1, read.Format);
        Assert.Equal(["", "Player", "Jukebox"], read.Tracks.Select(t => t.Name));
        var expected = Song.Tracks.SelectMany(t => t.Notes.Select(n => n with { Channel = t.Channel }))
            .OrderBy(n => n.Start).ThenBy(n => n.Pitch);
        Assert.Equal(expected, read.Pieces.Single().Notes);
        Assert.Equal(Song.Tempos, read.Pieces.Single().Tempos);
    }

    [Fact]
    public void Write_NAudioStrictReader_FindsEveryNotePairedAndEndOfTrackLast()
    {
        // Strict checking throws on a note-on without its note-off and on events after end of track.
        var file = new MidiFile(new MemoryStream(Bytes(Song)), strictChecking: true);

        Assert.Equal(3, file.Tracks);
        Assert.Equal(480, file.DeltaTicksPerQuarterNote);
        var player = file.Events[1].OfType<NoteOnEvent>().Where(e => e.Velocity > 0).ToList();
        Assert.Equal([(0L, 60, 480), (240L, 64, 120), (1800L, 67, 960)], player.Select(e => (e.AbsoluteTime, e.NoteNumber, e.NoteLength)));
        Assert.Equal(0, file.Events[1].OfType<PatchChangeEvent>().Single().Patch);
        Assert.All(Enumerable.Range(0, 3), t => Assert.True(MidiEvent.IsEndTrack(file.Events[t][^1])));
        // NAudio numbers channels from 1.
        Assert.Equal(1, file.Events[1].OfType<NoteOnEvent>().First().Channel);
        Assert.Equal(2, file.Events[2].OfType<NoteOnEvent>().First().Channel);
    }

    [Fact]
    public void Write_Layout_IsAType1FileWithTempoTrackFirst()
    {
        var bytes = Bytes(Song);

        Assert.Equal("MThd"u8.ToArray(), bytes[..4]);
        Assert.Equal(6u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(8)));
        Assert.Equal(3, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(10)));
        Assert.Equal(480, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(12)));
        var position = 14;
        var chunks = 0;
        while (position < bytes.Length)
        {
            Assert.Equal("MTrk"u8.ToArray(), bytes[position..(position + 4)]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 4));
            Assert.Equal([0x00, 0xFF, 0x2F, 0x00], bytes[(position + 8 + length - 4)..(position + 8 + length)]);
            position += 8 + length;
            chunks++;
        }

        Assert.Equal(bytes.Length, position);
        Assert.Equal(3, chunks);
        // First event of the tempo track: delta 0, set tempo 600000 us (100 BPM).
        Assert.Equal([0x00, 0xFF, 0x51, 0x03, 0x09, 0x27, 0xC0], bytes[22..29]);
    }

    [Fact]
    public void Write_NoTempos_Writes120Bpm()
    {
        var read = MidiFileImporter.Read(Bytes(new MidiSong([], [new MidiTrackNotes("t", 0, null, [new Note(0, 1, 60, 64)])])), ImportOptions.Default);

        Assert.Equal([new TempoChange(0, 120)], read.Pieces.Single().Tempos);
    }

    [Fact]
    public void Write_OverlappingNotesOnOneKey_EndsTheEarlierWhereTheLaterStarts()
    {
        var song = new MidiSong([], [new MidiTrackNotes("t", 0, null, [new Note(0, 4, 60, 64), new Note(1, 1, 60, 80), new Note(1, 0.5, 60, 90)])]);

        var notes = MidiFileImporter.Read(Bytes(song), ImportOptions.Default).Pieces.Single().Notes;

        Assert.Equal([new Note(0, 1, 60, 64), new Note(1, 1, 60, 80)], notes);
    }

    [Fact]
    public void Write_ZeroLengthNote_LastsOneTick()
    {
        var song = new MidiSong([], [new MidiTrackNotes("t", 0, null, [new Note(1, 0, 60, 64)])], TicksPerQuarter: 96);

        var note = MidiFileImporter.Read(Bytes(song), ImportOptions.Default).Pieces.Single().Notes.Single();

        Assert.Equal((1.0, 60, 64), (note.Start, note.Pitch, note.Velocity));
        Assert.Equal(1.0 / 96, note.Duration, 12);
    }

    [Fact]
    public void Write_LongGap_UsesMultiByteDeltaTimes()
    {
        var song = new MidiSong([], [new MidiTrackNotes("t", 3, null, [new Note(1000, 0.5, 60, 64)])]);

        var note = MidiFileImporter.Read(Bytes(song), ImportOptions.Default).Pieces.Single().Notes.Single();

        Assert.Equal(new Note(1000, 0.5, 60, 64, 3), note);
    }

    [Fact]
    public void Write_ThenRead_GivesTheNotesOnTheTickGrid()
    {
        // Distinct pitches, so no two notes share a key (overlap handling has its own test).
        var songs = Gen.Int[0, 127].HashSet[1, 40].SelectMany(pitches =>
            Gen.Select(Gen.Double[0, 200], Gen.Double[0, 8], Gen.Int[1, 127], Gen.Int[0, 15]).Array[pitches.Count]
                .Select(notes => pitches.Zip(notes, (p, n) => new Note(n.Item1, n.Item2, p, n.Item3, n.Item4)).ToArray()));
        songs.Sample(notes =>
        {
            var song = new MidiSong([], [new MidiTrackNotes("a", 0, null, notes.Where(n => n.Channel < 8).ToArray()), new MidiTrackNotes("b", 5, 1, notes.Where(n => n.Channel >= 8).ToArray())]);
            static long Tick(double beats) => (long)Math.Round(beats * 480, MidpointRounding.AwayFromZero);
            var expected = notes
                .Select(n => (Start: Tick(n.Start), End: Math.Max(Tick(n.End), Tick(n.Start) + 1), n.Pitch, n.Velocity, Channel: n.Channel < 8 ? 0 : 5))
                .OrderBy(n => n.Start).ThenBy(n => n.Pitch);

            var read = MidiFileImporter.Read(Bytes(song), new ImportOptions(IncludeDrums: true)).Pieces.Single().Notes
                .Select(n => (Start: Tick(n.Start), End: Tick(n.End), n.Pitch, n.Velocity, n.Channel));

            Assert.Equal(expected, read);
        }, iter: 200);
    }

    [Theory]
    [InlineData(128, 0, null)]
    [InlineData(60, 16, null)]
    [InlineData(60, 0, 128)]
    public void Write_ValueMidiCannotHold_ThrowsArgumentException(int pitch, int channel, int? program)
    {
        var song = new MidiSong([], [new MidiTrackNotes("t", channel, program, [new Note(0, 1, pitch, 64)])]);

        Assert.Throws<ArgumentException>(() => Bytes(song));
    }

    [Fact]
    public void Save_WritesTheFileAtomicallyAndLeavesNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("aijukebox-writer-");
        try
        {
            var path = Path.Combine(folder.FullName, "take.mid");
            System.IO.File.WriteAllText(path, "old content");

            MidiFileWriter.Save(path, Song);

            Assert.Equal(Bytes(Song), System.IO.File.ReadAllBytes(path));
            Assert.Equal(["take.mid"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
