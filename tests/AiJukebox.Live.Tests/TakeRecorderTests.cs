using AiJukebox.Live.Tests.Fakes;
using AiJukebox.Music;

using NAudio.Midi;

namespace AiJukebox.Live.Tests;

public sealed class TakeRecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-live-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Take_JukeboxTrackHoldsExactlyTheNotesSent()
    {
        using var rig = new Rig(new LiveOptions { RecordPath = "take.mid", Channel = 2, Program = 11 });
        rig.Start();
        rig.RunUntil(3.1);
        rig.Performer.Stop();

        var song = rig.Saves.Last!;
        var track = song.Tracks[1];
        Assert.Equal("AI Jukebox", track.Name);
        Assert.Equal(2, track.Channel);
        Assert.Equal(11, track.Program);
        var sent = rig.Sink.NoteOns.Select(m => (Rig.BeatAt120(m.Ticks), m.Pitch)).ToList();
        Assert.Equal(sent, track.Notes.Select(n => (n.Start, n.Pitch)));
        Assert.All(track.Notes.SkipLast(1), n => Assert.Equal(0.5, n.Duration, 9));
        Assert.InRange(track.Notes[^1].Duration, 0, 0.5); // the stop ended it
    }

    [Fact]
    public void Take_PlayerTrackHoldsThePlayersNotesInBeats()
    {
        using var rig = new Rig(new LiveOptions { RecordPath = "take.mid", Mode = PerformanceMode.CallResponse });
        rig.Start();
        rig.RunUntil(0.5);
        rig.PlayNote(64, 1, channel: 4);
        rig.PlayNote(67, 0.5, channel: 4);
        rig.Performer.Stop();

        var player = rig.Saves.Last!.Tracks[0];
        Assert.Equal("Player", player.Name);
        Assert.Equal(4, player.Channel);
        Assert.Equal([(1.0, 1.0, 64, 100), (2.0, 0.5, 67, 100)], player.Notes.Select(n => (n.Start, n.Duration, n.Pitch, n.Velocity)));
    }

    [Fact]
    public void Take_RecordsTempoChangesAtTheirBeat()
    {
        using var rig = new Rig(new LiveOptions { RecordPath = "take.mid", Tempo = 120 });
        rig.Start();
        rig.RunUntil(1.0);
        rig.Performer.SetTempo(90);
        rig.RunUntil(2.0);
        rig.Performer.Stop();

        Assert.Equal([new TempoChange(0, 120), new TempoChange(2, 90)], rig.Saves.Last!.Tempos);
    }

    [Fact]
    public void Take_HeldNotesEndAtTheStop()
    {
        using var rig = new Rig(new LiveOptions { RecordPath = "take.mid" }, durationSteps: 48);
        rig.Start();
        rig.RunUntil(1.0);
        rig.Play(0x90, 40, 90);
        rig.RunUntil(1.5);
        rig.Performer.Stop();

        var song = rig.Saves.Last!;
        Assert.Equal((2.0, 1.0), song.Tracks[0].Notes.Select(n => (n.Start, n.Duration)).Single());
        Assert.All(song.Tracks[1].Notes, n => Assert.True(n.End <= 3.0 + 1e-9));
        Assert.Equal(rig.Sink.NoteOns.Count(), song.Tracks[1].Notes.Count);
    }

    [Fact]
    public void Autosave_WithoutStop_LeavesAValidTakeFile()
    {
        var path = Path.Combine(_folder, "take.mid");
        using var rig = new Rig(new LiveOptions { RecordPath = path, AutosaveSeconds = 1 }, save: MidiFileWriter.Save);
        rig.Start();
        // Autosaves at 1 s and 2 s (simulated time outruns the disk: let each write finish, or the next is skipped).
        rig.RunUntil(1.05);
        rig.Performer.Conductor.WaitForSave();
        rig.RunUntil(2.05);
        rig.Performer.Conductor.WaitForSave();

        var take = new MidiFile(path, strictChecking: true);
        Assert.Equal(1, take.FileFormat);
        Assert.Equal(480, take.DeltaTicksPerQuarterNote);
        Assert.Equal(3, take.Tracks);
        Assert.Equal(["Player", "AI Jukebox"], Enumerable.Range(1, 2).Select(t => TrackName(take, t)));
        var notes = take.Events[2].OfType<NoteOnEvent>().Count(e => e.Velocity > 0);
        Assert.Equal(8, notes); // eighth notes from beat 0.125 up to beat 4 (2 s)
        Assert.Equal(["take.mid"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Autosave_ReplacesTheFileAtomically()
    {
        var path = Path.Combine(_folder, "take.mid");
        using var rig = new Rig(new LiveOptions { RecordPath = path, AutosaveSeconds = 1 }, save: MidiFileWriter.Save);
        rig.Start();
        rig.RunUntil(1.1);
        rig.Performer.Conductor.WaitForSave();
        using var reader = File.OpenRead(path); // a reader holding the first autosave

        rig.RunUntil(3.1);
        rig.Performer.Conductor.WaitForSave();

        var old = new MidiFile(reader, strictChecking: true);
        var current = new MidiFile(path, strictChecking: true);
        var oldNotes = old.Events[2].OfType<NoteOnEvent>().Count(e => e.Velocity > 0);
        var newNotes = current.Events[2].OfType<NoteOnEvent>().Count(e => e.Velocity > 0);
        Assert.True(oldNotes > 0);
        Assert.True(newNotes > oldNotes);
    }

    [Fact]
    public void Stop_SavesTheCompleteTake()
    {
        var path = Path.Combine(_folder, "take.mid");
        using var rig = new Rig(new LiveOptions { RecordPath = path, AutosaveSeconds = 5 }, save: MidiFileWriter.Save);
        rig.Start();
        rig.RunUntil(2.0);
        Assert.False(File.Exists(path));
        rig.Performer.Stop();

        var take = new MidiFile(path, strictChecking: true);
        var ons = take.Events[2].OfType<NoteOnEvent>().Where(e => e.Velocity > 0).ToList();
        Assert.Equal(rig.Sink.NoteOns.Count(), ons.Count);
        Assert.All(ons, e => Assert.NotNull(e.OffEvent));
    }

    [Fact]
    public void Autosave_Fails_ReportedAndThePerformanceGoesOn()
    {
        var path = Path.Combine(_folder, "missing-folder-is-a-file", "take.mid");
        File.WriteAllText(Path.Combine(_folder, "missing-folder-is-a-file"), "");
        using var rig = new Rig(new LiveOptions { RecordPath = path, AutosaveSeconds = 1 }, save: MidiFileWriter.Save);
        rig.Start();
        rig.RunUntil(1.5);
        var playedBefore = rig.Sink.NoteOns.Count();
        rig.RunUntil(2.5);
        rig.Performer.Conductor.WaitForSave();

        Assert.Contains("take.mid", rig.Performer.Status.TakeError);
        Assert.True(rig.Sink.NoteOns.Count() > playedBefore);
    }

    [Fact]
    public void Autosave_SlowDisk_MusicGoesOnAndOverlappingSavesAreSkipped()
    {
        using var disk = new ManualResetEventSlim();
        var saves = 0;
        void SlowSave(string path, MidiSong song)
        {
            Interlocked.Increment(ref saves);
            disk.Wait();
        }

        using var rig = new Rig(new LiveOptions { RecordPath = "take.mid", AutosaveSeconds = 1 }, save: SlowSave);
        try
        {
            rig.Start();
            rig.RunUntil(1.05); // the first autosave starts and hangs on the disk
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref saves) == 1, TimeSpan.FromSeconds(30)));
            rig.RunUntil(4);

            Assert.Equal(1, Volatile.Read(ref saves));
            Assert.Equal(16, rig.Sink.NoteOns.Count()); // every eighth note still on time
        }
        finally
        {
            disk.Set();
        }

        rig.Performer.Stop();
        Assert.Equal(2, saves); // and the complete take at the stop
    }

    private static string TrackName(MidiFile file, int track) =>
        file.Events[track].OfType<TextEvent>().First(e => e.MetaEventType == MetaEventType.SequenceTrackName).Text;
}
