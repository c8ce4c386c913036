using static AiJukebox.Music.Tests.Smf;

namespace AiJukebox.Music.Tests;

public class MidiFileImporterTests
{
    private static IReadOnlyList<Note> Notes(byte[] file, ImportOptions? options = null) =>
        MidiFileImporter.Read(file, options ?? ImportOptions.Default).Pieces.Single().Notes;

    [Fact]
    public void Read_Format0_NotesInBeats()
    {
        var notes = Notes(File(0, 480, Track(On(0, 60), Off(480, 60), On(0, 64, 80), Off(240, 64))));

        Assert.Equal([new Note(0, 1, 60, 100), new Note(1, 0.5, 64, 80)], notes);
    }

    [Fact]
    public void Read_RunningStatus_ReadsEveryNote()
    {
        // After the first 0x90 the status byte is left out; velocity 0 means note-off.
        var track = Track(On(0, 60), Raw(0, 64, 100), Raw(0, 67, 100), Raw(96, 60, 0), Raw(0, 64, 0), Raw(0, 67, 0));

        var notes = Notes(File(0, 96, track));

        Assert.Equal([60, 64, 67], notes.Select(n => n.Pitch));
        Assert.All(notes, n => Assert.Equal(1.0, n.Duration));
    }

    [Fact]
    public void Read_RunningStatusAfterMetaAndSysex_IsStillApplied()
    {
        // Strictly, meta and sysex events cancel running status; a data byte after one can only mean the old status.
        var track = Track(On(0, 60), Raw(0, 0xFF, 0x01, 0x02, (byte)'h', (byte)'i'), Raw(0, 64, 90), Raw(0, 0xF0, 0x03, 0x7E, 0x09, 0xF7), Raw(96, 60, 0), Raw(0, 64, 0));

        var notes = Notes(File(0, 96, track));

        Assert.Equal([new Note(0, 1, 60, 100), new Note(0, 1, 64, 90)], notes);
    }

    [Fact]
    public void Read_StrayNoteOff_IsIgnored()
    {
        var notes = Notes(File(0, 100, Track(Off(0, 62), On(0, 60), Off(100, 60), Off(0, 60))));

        Assert.Equal(new Note(0, 1, 60, 100), Assert.Single(notes));
    }

    [Fact]
    public void Read_VelocityZeroNoteOn_EndsTheNote()
    {
        var notes = Notes(File(0, 100, Track(On(0, 60), On(50, 60, velocity: 0))));

        Assert.Equal(new Note(0, 0.5, 60, 100), Assert.Single(notes));
    }

    [Fact]
    public void Read_OverlappingNotesOnOnePitch_PairsFirstInFirstOut()
    {
        var notes = Notes(File(0, 100, Track(On(0, 60, 90), On(100, 60, 70), Off(100, 60), Off(100, 60))));

        Assert.Equal([new Note(0, 2, 60, 90), new Note(1, 2, 60, 70)], notes);
    }

    [Fact]
    public void Read_ZeroLengthNote_IsKeptWithZeroDuration()
    {
        var notes = Notes(File(0, 100, Track(On(10, 60), Off(0, 60), On(90, 62), Off(100, 62))));

        Assert.Equal([new Note(0.1, 0, 60, 100), new Note(1, 1, 62, 100)], notes);
    }

    [Fact]
    public void Read_NoteNeverSwitchedOff_EndsAtTheLastEvent()
    {
        var notes = Notes(File(0, 100, Track(On(0, 60), On(100, 62), Off(100, 62), Raw(200, 0xFF, 0x01, 0x01, (byte)'x'))));

        Assert.Equal([new Note(0, 4, 60, 100), new Note(1, 1, 62, 100)], notes);
    }

    [Fact]
    public void Read_TempoChanges_DoNotChangeBeats()
    {
        var steady = File(1, 480, Track(Tempo(0, 120)), Track(On(0, 60), Off(960, 60), On(0, 62), Off(480, 62)));
        var changing = File(1, 480, Track(Tempo(0, 120), Tempo(960, 60)), Track(On(0, 60), Off(960, 60), On(0, 62), Off(480, 62)));

        var piece = MidiFileImporter.Read(changing, ImportOptions.Default).Pieces.Single();

        Assert.Equal(Notes(steady), piece.Notes);
        Assert.Equal([new TempoChange(0, 120), new TempoChange(2, 60)], piece.Tempos);
        Assert.Equal(1 + 1.0, new TempoMap(piece.Tempos).ToSeconds(piece.Notes[1].End), 9);
    }

    [Fact]
    public void Read_TimeSignatureChange_IsRecordedInBeats()
    {
        var file = File(0, 96, Track(TimeSignature(0, 4, 2), On(0, 60), Off(384, 60), TimeSignature(0, 6, 3), On(0, 62), Off(288, 62)));

        var piece = MidiFileImporter.Read(file, ImportOptions.Default).Pieces.Single();

        Assert.Equal([new TimeSignatureChange(0, 4, 4), new TimeSignatureChange(4, 6, 8)], piece.TimeSignatures);
        Assert.Equal(new Note(4, 3, 62, 100), piece.Notes[1]);
    }

    [Fact]
    public void Read_SmpteDivision_ConvertsSecondsAt120Bpm()
    {
        // 25 fps x 40 ticks per frame = 1000 ticks per second; at 120 BPM a second is 2 beats.
        var division = (0x100 - 25) << 8 | 40;
        var file = File(0, division, Track(On(0, 60), Off(500, 60), On(500, 62), Off(250, 62)));

        var read = MidiFileImporter.Read(file, ImportOptions.Default);

        Assert.Contains("SMPTE 25 fps", read.Division);
        Assert.Equal([new Note(0, 1, 60, 100), new Note(2, 0.5, 62, 100)], read.Pieces.Single().Notes);
    }

    [Fact]
    public void Read_SmpteWithUnknownFrameRate_IsRejectedWithReason()
    {
        var file = File(0, (0x100 - 31) << 8 | 40, Track(On(0, 60), Off(10, 60)));

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read(file, ImportOptions.Default));

        Assert.Contains("SMPTE frame rate 31", error.Message);
    }

    [Fact]
    public void Read_Format1_MergesTracksInOnset_Order()
    {
        var file = File(1, 100, Track(Tempo(0, 100)), Track(On(100, 72), Off(100, 72)), Track(On(0, 48), Off(300, 48)));

        var read = MidiFileImporter.Read(file, ImportOptions.Default);

        Assert.Equal(3, read.Tracks.Count);
        Assert.Equal([new Note(0, 3, 48, 100), new Note(1, 1, 72, 100)], read.Pieces.Single().Notes);
    }

    [Fact]
    public void Read_TrackOption_TakesOnlyThatTrack()
    {
        var file = File(1, 100, Track(Tempo(0, 100)), Track(On(100, 72), Off(100, 72)), Track(On(0, 48), Off(300, 48)));

        var piece = MidiFileImporter.Read(file, new ImportOptions(Track: 1)).Pieces.Single();

        Assert.Equal(1, piece.Track);
        Assert.Equal([new Note(1, 1, 72, 100)], piece.Notes);
    }

    [Fact]
    public void Read_TrackOutOfRange_SaysWhichTracksExist()
    {
        var file = File(1, 100, Track(Tempo(0, 100)), Track(On(0, 72), Off(100, 72)));

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read(file, new ImportOptions(Track: 5)));

        Assert.Equal("has no track 5 (its tracks are 0–1)", error.Message);
    }

    [Fact]
    public void Read_Format2_EachTrackWithNotesIsAPiece()
    {
        var file = File(2, 100, Track(Tempo(0, 90), On(0, 60), Off(100, 60)), Track(Tempo(0, 140)), Track(On(50, 62), Off(50, 62)));

        var pieces = MidiFileImporter.Read(file, ImportOptions.Default).Pieces;

        Assert.Equal([0, 2], pieces.Select(p => p.Track!.Value));
        Assert.Equal(new Note(0, 1, 60, 100), Assert.Single(pieces[0].Notes));
        Assert.Equal(90, pieces[0].Tempos[0].Bpm);
        Assert.Equal(new Note(0.5, 0.5, 62, 100), Assert.Single(pieces[1].Notes));
        Assert.Equal(120, pieces[1].Tempos[0].Bpm);
    }

    [Fact]
    public void Read_DrumChannel_LeftOutUnlessIncluded()
    {
        var file = File(0, 100, Track(On(0, 36, channel: 9), On(0, 60), Off(100, 36, channel: 9), Off(0, 60)));

        Assert.Equal([60], Notes(file).Select(n => n.Pitch));
        Assert.Equal([(36, 9), (60, 0)], Notes(file, new ImportOptions(IncludeDrums: true)).Select(n => (n.Pitch, n.Channel)));
    }

    [Fact]
    public void Read_SustainPedal_HoldsReleasedNotesUntilPedalUp()
    {
        var file = File(0, 100, Track(Pedal(0, true), On(0, 60), Off(100, 60), On(0, 64), Off(100, 64), Pedal(200, false), On(0, 67), Off(100, 67)));

        Assert.Equal([new Note(0, 4, 60, 100), new Note(1, 3, 64, 100), new Note(4, 1, 67, 100)], Notes(file));
        Assert.Equal([new Note(0, 1, 60, 100), new Note(1, 1, 64, 100), new Note(4, 1, 67, 100)], Notes(file, new ImportOptions(Sustain: false)));
    }

    [Fact]
    public void Read_SustainedKeyStruckAgain_EndsTheHeldNote()
    {
        var file = File(0, 100, Track(Pedal(0, true), On(0, 60), Off(100, 60), On(100, 60), Off(100, 60), Pedal(100, false)));

        Assert.Equal([new Note(0, 2, 60, 100), new Note(2, 2, 60, 100)], Notes(file));
    }

    [Fact]
    public void Read_EmptyTrack_GivesAPieceWithoutNotes()
    {
        var read = MidiFileImporter.Read(File(0, 96, Track()), ImportOptions.Default);

        Assert.Empty(read.Pieces.Single().Notes);
        Assert.Equal(0, read.Tracks.Single().NoteCount);
    }

    [Fact]
    public void Read_UnknownChunk_IsSkipped()
    {
        byte[] file = [.. Header(0, 1, 100), .. Chunk("XFIH", [1, 2, 3]), .. Chunk("MTrk", Track(On(0, 60), Off(100, 60)))];

        Assert.Equal(new Note(0, 1, 60, 100), Assert.Single(Notes(file)));
    }

    [Fact]
    public void Read_FileCutInsideItsLastTrack_KeepsTheEventsBeforeTheCut()
    {
        var whole = File(0, 100, Track(On(0, 60), Off(100, 60), On(0, 62), Off(100, 62)));

        var read = MidiFileImporter.Read(whole[..^5], ImportOptions.Default);

        // The second note lost its note-off with the cut: it ends at the last event that survived.
        Assert.Equal([new Note(0, 1, 60, 100), new Note(1, 0, 62, 100)], read.Pieces.Single().Notes);
        Assert.StartsWith("truncated: the file ends inside track 0 (its chunk says", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Read_ChunkLengthTooLong_ReadsToTheEndOfTrackAndWarns()
    {
        var data = Track(On(0, 60), Off(100, 60));
        var second = Track(On(0, 64), Off(100, 64));
        byte[] file = [.. Header(1, 2, 100), .. Chunk("MTrk", data, data.Length + 3), .. Chunk("MTrk", second)];

        var read = MidiFileImporter.Read(file, ImportOptions.Default);

        Assert.Equal([60, 64], read.Pieces.Single().Notes.Select(n => n.Pitch));
        Assert.Equal($"track 0's chunk length says {data.Length + 3} bytes but its end-of-track comes after {data.Length}; read to its end-of-track", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Read_ChunkLengthTooShort_ReadsToTheEndOfTrackAndWarns()
    {
        var data = Track(On(0, 60), Off(100, 60), On(0, 62), Off(100, 62));
        byte[] file = [.. Header(0, 1, 100), .. Chunk("MTrk", data, data.Length - 6), .. new byte[6]];

        var read = MidiFileImporter.Read(file, ImportOptions.Default);

        Assert.Equal([new Note(0, 1, 60, 100), new Note(1, 1, 62, 100)], read.Pieces.Single().Notes);
        Assert.Contains("read to its end-of-track", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Read_ChunkLengthTooShortWithNoEndOfTrack_IsDamage()
    {
        byte[] data = [0x00, 0x90, 60, 100, 0x64, 0x80, 60, 0x40, 0x00, 0x90, 62, 100];
        byte[] file = [.. Header(0, 1, 100), .. Chunk("MTrk", data, data.Length - 2), .. Chunk("MTrk", Track())];

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read(file, ImportOptions.Default));

        Assert.Contains("an event runs past the end of its chunk", error.Message);
    }

    [Fact]
    public void Read_MissingEndOfTrack_EndsTheTrackWithItsChunkAndWarns()
    {
        byte[] first = [0x00, 0x90, 60, 100, 0x64, 0x80, 60, 0x40];
        byte[] file = [.. Header(1, 2, 100), .. Chunk("MTrk", first), .. Chunk("MTrk", Track(On(0, 64), Off(200, 64)))];

        var read = MidiFileImporter.Read(file, ImportOptions.Default);

        Assert.Equal([new Note(0, 1, 60, 100), new Note(0, 2, 64, 100)], read.Pieces.Single().Notes);
        Assert.Equal("track 0 has no end-of-track event; it ends where its chunk ends", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Read_RunningStatusAcrossAMetaEvent_GoesOnAndWarns()
    {
        // Note-on, a text meta event, then data bytes that lean on the note-on's running status.
        byte[] data = [0x00, 0x90, 60, 100, 0x00, 0xFF, 0x01, 0x02, (byte)'h', (byte)'i', 0x64, 60, 0x00, 0x00, 0xFF, 0x2F, 0x00];
        var read = MidiFileImporter.Read([.. Header(0, 1, 100), .. Chunk("MTrk", data)], ImportOptions.Default);

        Assert.Equal(new Note(0, 1, 60, 100), Assert.Single(read.Pieces.Single().Notes));
        Assert.Equal("track 0 keeps running status across meta or sysex events (read as its writer meant)", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Read_AWellFormedFile_HasNoWarnings()
    {
        var read = MidiFileImporter.Read(Fixture("chpn-p7.mid"), ImportOptions.Default);

        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Read_DeltaTimeOverFourBytes_IsDamage()
    {
        byte[] data = [0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 100, 0x00, 0xFF, 0x2F, 0x00];

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read([.. Header(0, 1, 100), .. Chunk("MTrk", data)], ImportOptions.Default));

        Assert.Contains("runs over 4 bytes", error.Message);
    }

    [Fact]
    public void Read_APieceLongerThanTheCap_IsRefusedBeforeItsNotesArePaired()
    {
        // One tick per quarter note and a delta of 2^28 - 1 ticks: 268 million beats.
        byte[] data = [0x00, 0x90, 60, 100, 0xFF, 0xFF, 0xFF, 0x7F, 0x80, 60, 0x40, 0x00, 0xFF, 0x2F, 0x00];

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read([.. Header(0, 1, 1), .. Chunk("MTrk", data)], ImportOptions.Default));

        Assert.Equal("lasts 268,435,455 beats, over the 100,000 a piece may last (damaged delta times?)", error.Message);
    }

    [Fact]
    public void Read_UnmatchedNoteOnsByTheHundredThousand_AreAllKept()
    {
        // The file that took NAudio's quadratic note pairing 45 s: note-ons never released, each
        // followed by a stray note-off on another channel that a pairing search must scan past.
        var events = Enumerable.Range(0, 200_000).SelectMany(i => new[] { On(1, 60), Off(0, 61, channel: 1) }).ToArray();

        var read = MidiFileImporter.Read(File(0, 96, Track(events)), ImportOptions.Default);

        Assert.Equal(200_000, read.Pieces.Single().Notes.Count);
    }

    [Theory]
    [InlineData(new byte[0], "empty file")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "not a MIDI file (no MThd header)")]
    public void Read_GarbageBytes_SaysNotMidi(byte[] bytes, string reason)
    {
        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read(bytes, ImportOptions.Default));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void Read_RandomGarbageAfterHeader_NeverThrowsAnythingElse()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var body = new byte[random.Next(0, 200)];
            random.NextBytes(body);
            byte[] file = random.Next(2) == 0
                ? [.. Header(random.Next(3), 1, 96), .. Chunk("MTrk", body)]
                : [.. Header(0, 1, 96), .. body];
            try
            {
                MidiFileImporter.Read(file, ImportOptions.Default);
            }
            catch (MidiImportException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    [Fact]
    public void Read_MissingTracks_SaysHowManyWereFound()
    {
        byte[] file = [.. Header(1, 3, 100), .. Chunk("MTrk", Track(On(0, 60), Off(100, 60)))];

        var error = Assert.Throws<MidiImportException>(() => MidiFileImporter.Read(file, ImportOptions.Default));

        Assert.Equal("truncated: the header announces 3 tracks but only 1 were found", error.Message);
    }

    [Fact]
    public void Read_RealFile_AgreesWithNAudiosNoteCount()
    {
        var path = Fixture("chpn-p7.mid");
        var naudio = new NAudio.Midi.MidiFile(path, strictChecking: false);
        var expected = Enumerable.Range(0, naudio.Tracks)
            .SelectMany(t => naudio.Events[t])
            .Count(e => e is NAudio.Midi.NoteOnEvent { Velocity: > 0 } on && on.Channel != 10);

        var read = MidiFileImporter.Read(path, ImportOptions.Default);

        Assert.Equal(1, read.Format);
        Assert.Equal(expected, read.Pieces.Single().Notes.Count);
        Assert.True(expected > 50);
        Assert.All(read.Pieces.Single().Notes, n => Assert.True(n.Duration >= 0 && n.Start >= 0));
    }
}
