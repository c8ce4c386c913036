using System.Diagnostics;
using System.Globalization;

using AiJukebox.Commands;
using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Jack;
using AiJukebox.Music;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Tests.Commands;

/// <summary>Jamming end to end on the private JACK server: the metronome's own port, switching models, keeping to the player's key.</summary>
public sealed partial class PlayCommandTests
{
    // Two bars of eighths each: up the tonic triad, down the scale, a cadence (as in the Live tests).
    private static readonly int[] FSharpMajorCall = [66, 70, 73, 78, 77, 75, 73, 70, 71, 70, 68, 65, 66, 68, 70, 66];
    private static readonly int[] EMinorCall = [64, 67, 71, 76, 74, 72, 71, 67, 69, 67, 66, 63, 64, 66, 67, 64];

    [Fact]
    public void Play_ClickOut_TheMetronomeOnItsOwnPort_TheMusicOnItsOwn_BothInTheTake()
    {
        var client = JackTestPorts.UniqueClient("playclickout");
        using var music = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        using var clickReader = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client + "c");
        var take = Path.Combine(_folder, "clickout.mid");

        var (code, output, error) = Play("--out", client + ":in", "--click-out", client + "c:in", "--duration", "3", "--record", take, "--tempo", "120", "--metronome");

        Assert.True(code == 0, error + output);
        Assert.Contains($"the metronome on '{client}c:in'", output);
        var clicks = ReceivedUntilAllNotesOff(clickReader);
        var ons = clicks.Where(m => (m.Status & 0xF0) == 0x90 && m.Bytes[2] > 0).ToList();
        Assert.InRange(ons.Count, 5, 7); // a click a beat for 3 s at 120 BPM
        Assert.All(clicks, m => Assert.Equal(Live.Metronome.Channel, m.Status & 0x0F));
        Assert.Equal(Live.Metronome.DownbeatNote, ons[0].Bytes[1]);
        Assert.Equal(Live.Metronome.DownbeatNote, ons[4].Bytes[1]);
        Assert.Empty(Hanging(clicks));
        var heard = ReceivedUntilAllNotesOff(music);
        Assert.Contains(heard, m => (m.Status & 0xF0) == 0x90);
        Assert.DoesNotContain(heard, m => (m.Status & 0x0F) == Live.Metronome.Channel);
        var file = MidiFileImporter.Read(take, ImportOptions.Default with { IncludeDrums = true });
        Assert.Equal(["Player", "AI Jukebox", "Metronome"], file.Tracks.Skip(1).Select(t => t.Name));
        Assert.Equal(ons.Count, MidiFileImporter.Read(take, ImportOptions.Default with { Track = 3, Sustain = false, IncludeDrums = true }).Pieces[0].Notes.Count);
    }

    [Fact]
    public void Play_ClickOutMissing_OneLineNamingThePort()
    {
        var (code, _, error) = Play("--virtual", JackTestPorts.UniqueClient("noclick"), "--click-out", "no-such-click-port", "--duration", "1");

        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("no-such-click-port", error);
    }

    [Fact]
    public async Task Play_ShippedModels_SwitchedByTheControlWhilePlaying_EventsRemiChords_TheMusicGoesOn()
    {
        using var ports = new PlayerPorts("playmodels");
        var (client, listener, keys) = (ports.Client, ports.Listener, ports.Keys);
        var take = Path.Combine(_folder, "models.mid");
        string[] models = [ShippedModels.Folder("piano-midi-de"), ShippedModels.Folder("pop909-piano-transformer"), ShippedModels.Folder("piano-midi-de-chords")];

        var run = Task.Run(() => CliRunner.Run(PlayCommand.Create(), "--api", "jack", "--models", string.Join(',', models), "--out", client + ":in", "--in", client + "k:keys", "--tempo", "120", "--seed", "5", "--wait", "0.5", "--quiet", "--duration", "24", "--record", take, "--autosave", "0.5"));
        // Each switch once the music before it is in the take: the first after two bars, the next four bars after it.
        await WaitForJukeboxNotesFrom(take, 8, run);
        keys.Send([0xB0, 23, 127]);
        keys.Send([0xB0, 23, 0]);
        await WaitForJukeboxNotesFrom(take, 24, run);
        keys.Send([0xB0, 23, 127]);
        keys.Send([0xB0, 23, 0]);

        var (code, output, error) = await run;

        Assert.True(code == 0, error + output);
        Assert.Contains("Next model: pop909-piano-transformer (transformer, remi)", error);
        Assert.Contains("Next model: piano-midi-de-chords", error);
        Assert.Contains("switched models 2 time(s)", output);
        var onsets = JukeboxNotes(take).Select(n => n.Start).Distinct().Order().ToList();
        var gaps = onsets.Zip(onsets.Skip(1), (a, b) => b - a).ToList();
        _log.WriteLine($"{onsets.Count} onsets over {onsets[^1]:F1} beats, the longest gap {gaps.Max():F2} beats; {output.Trim()}");
        Assert.True(onsets[^1] > 36, $"the music reached beat {onsets[^1]:F1}");
        // The music does not stop at a switch: never a whole bar without a note.
        Assert.All(gaps, g => Assert.True(g < 4, $"a gap of {g:F2} beats"));
        Assert.Empty(Hanging(ReceivedUntilAllNotesOff(listener)));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("off")]
    public async Task Play_ShippedModel_CallsInFSharpMajorThenEMinor_EachAnswerInItsCallsKey_OnTheBar(string key)
    {
        using var ports = new PlayerPorts("playkey" + key);
        var (client, listener, keys) = (ports.Client, ports.Listener, ports.Keys);
        var take = Path.Combine(_folder, $"key-{key}.mid");

        var run = Task.Run(() => CliRunner.Run(PlayCommand.Create(), "--api", "jack", "--model", ShippedModels.Folder("piano-midi-de"), "--out", client + ":in", "--in", client + "k:keys", "--mode", "call-response", "--key", key, "--align", "bar", "--meter", "4/4", "--tempo", "120", "--response-delay", "1", "--seed", "5", "--wait", "0.5", "--quiet", "--duration", "26", "--record", take, "--autosave", "0.5"));
        await WaitForTake(take, run);
        // The player in time at 120 BPM: a two-bar call of eighths, seven seconds for the answer, the second call.
        var clock = Stopwatch.StartNew();
        await PlayEighths(keys, FSharpMajorCall, clock, 0);
        await PlayEighths(keys, EMinorCall, clock, 11);

        var (code, output, error) = await run;

        Assert.True(code == 0, error + output);
        // Two notes sent a moment late on a busy machine may share an onset (and so swap places in
        // the file): each call is checked as the notes it holds, split at the pause between them.
        var player = TrackNotes(take, PlayerTrack).OrderBy(n => n.Start).ToList();
        Assert.Equal(32, player.Count);
        var firstCall = player.Where(n => n.Start < player[0].Start + 10).ToList();
        var secondCall = player.Skip(firstCall.Count).ToList();
        Assert.Equal(FSharpMajorCall.Order(), firstCall.Select(n => n.Pitch).Order());
        Assert.Equal(EMinorCall.Order(), secondCall.Select(n => n.Pitch).Order());
        var jukebox = JukeboxNotes(take);
        var first = Answer(jukebox, firstCall, secondCall[0].Start);
        var second = Answer(jukebox, secondCall, double.PositiveInfinity);
        var inF = Share(first.Notes, new MusicalKey(6, KeyMode.Major));
        var inE = Share(second.Notes, new MusicalKey(4, KeyMode.Minor));
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--key {key}: the answer to F# major {inF:P1} of {first.Notes.Count} notes in F# major, first note {first.FirstOffset * 480:F0} ticks after its bar line (beat {first.BarLine}); the answer to E minor {inE:P1} of {second.Notes.Count} in E minor, first note {second.FirstOffset * 480:F0} ticks after beat {second.BarLine}"));
        Assert.True(first.Notes.Count >= 8 && second.Notes.Count >= 8, $"{first.Notes.Count} and {second.Notes.Count} notes answered");
        if (key == "auto")
        {
            Assert.True(inF >= 0.95, $"{inF:P1} of the first answer in F# major");
            Assert.True(inE >= 0.95, $"{inE:P1} of the second answer in E minor");
        }

        Assert.Empty(Hanging(ReceivedUntilAllNotesOff(listener)));
    }

    /// <summary>
    /// The answer to <paramref name="call"/>: the jukebox's notes after it and before <paramref name="before"/>,
    /// checked to lie on the bar grid (from the first bar line a beat after the call, within one of
    /// the take's 480 ticks, for as many whole bars as the call covers).
    /// </summary>
    private static (List<Note> Notes, double BarLine, double FirstOffset) Answer(List<Note> jukebox, List<Note> call, double before)
    {
        const double tick = 1.0 / 480;
        var end = call.Max(n => n.End);
        var barLine = Math.Ceiling(((end + 1) / 4) - 1e-6) * 4;
        var bars = Math.Ceiling(((end - (Math.Floor(call.Min(n => n.Start) / 4) * 4)) / 4) - 1e-6);
        var notes = jukebox.Where(n => n.Start > end && n.Start < before).OrderBy(n => n.Start).ToList();
        Assert.All(notes, n => Assert.InRange(n.Start, barLine - tick, barLine + (bars * 4)));
        return (notes, barLine, notes.Count == 0 ? double.NaN : notes[0].Start - barLine);
    }

    private static double Share(List<Note> notes, MusicalKey key) => notes.Count == 0 ? 0 : notes.Count(n => key.Contains(n.Pitch)) / (double)notes.Count;

    /// <summary>Plays eighth notes at 120 BPM (250 ms apart, each held 240 ms) from <paramref name="atSeconds"/> on <paramref name="clock"/>.</summary>
    private static async Task PlayEighths(MidiOutputPort keys, int[] pitches, Stopwatch clock, double atSeconds)
    {
        for (var i = 0; i < pitches.Length; i++)
        {
            await DelayUntil(clock, atSeconds + (i * 0.25));
            keys.Send([0x90, (byte)pitches[i], 90]);
            await DelayUntil(clock, atSeconds + (i * 0.25) + 0.24);
            keys.Send([0x80, (byte)pitches[i], 0]);
        }
    }

    private static async Task DelayUntil(Stopwatch clock, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    /// <summary>Waits until the performance is playing: its first autosave is on disk.</summary>
    private static async Task WaitForTake(string take, Task run)
    {
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(take) && !run.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(take), "the performance did not start");
    }

    /// <summary>Waits until the autosaved take holds a jukebox note at or after <paramref name="beat"/>.</summary>
    private static async Task WaitForJukeboxNotesFrom(string take, double beat, Task run)
    {
        var deadline = Stopwatch.StartNew();
        while (!run.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (File.Exists(take) && TryJukeboxNotes(take) is { } notes && notes.Any(n => n.Start >= beat))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no jukebox note from beat {beat} in the take");
    }

    private static List<Note>? TryJukeboxNotes(string take)
    {
        try
        {
            return JukeboxNotes(take);
        }
        catch (Exception e) when (e is IOException or MidiImportException or ArgumentOutOfRangeException)
        {
            return null; // being replaced by the next autosave
        }
    }
}
