using System.Text.RegularExpressions;

using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Jack;
using AiJukebox.Music;

namespace AiJukebox.Tests.Ui;

/// <summary>
/// The terminal UI as a person uses it: the real binary in tmux at 80x24, keys in, screen out.
/// In the JACK collection so the port lists show a real (private) JACK server.
/// </summary>
[Collection(JackCollection.Name)]
[Trait("Category", "Ui")]
public sealed class UiTests : IClassFixture<TinyModelFixture>, IDisposable
{
    private readonly TinyModelFixture _model;
    private readonly JackServerFixture _jack;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-ui-").FullName;

    public UiTests(TinyModelFixture model, JackServerFixture jack)
    {
        _model = model;
        _jack = jack;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ui_NoArguments_ShowsTheDefaultModelAndThePorts()
    {
        using MidiInputPort synth = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "uisynth");
        using var ui = Start("--api", "jack");

        var screen = ui.WaitFor(s => s.Contains("Parameters:") && s.Contains("virtual: AI Jukebox"), "the model and the ports");

        Assert.Contains("Name:       tiny", screen);
        Assert.Contains("lstm 16x1", screen);
        Assert.Contains("events, vocabulary", screen);
        Assert.Contains("Ports: jack", screen);
        Assert.Contains("uisynth:in", screen);
        Assert.Contains("[F1 Perform]", screen);
        Assert.Equal(24, screen.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Ui_Train_StartCancelResume_WritesACheckpoint()
    {
        var run = Path.Combine(_folder, "run");
        using var ui = Start("--api", "jack");
        ui.WaitFor("Parameters:");

        ui.Keys("F2");
        ui.WaitFor("[F2 Train]");
        ui.Type(_model.Notes);
        ui.Keys("Tab");
        ui.Type(run);
        ui.Keys("Tab", "Tab");
        ui.Type("1000");
        ui.Keys("Tab", "Tab");
        ui.Type("16");
        ui.Keys("Tab");
        ui.Type("1");
        ui.Keys("Tab");
        ui.Type("16");
        ui.Keys("F5");
        ui.WaitFor(s => s.Contains("/1000") && s.Contains("tok/s"), "training progress");
        ui.Keys("F6");
        ui.WaitFor("Stopped. Checkpoint:");
        Assert.True(File.Exists(Path.Combine(run, "last.safetensors")));
        Assert.True(File.Exists(Path.Combine(run, "last.optimizer")));

        // Resume: back to the Resume box (from the Window field), tick it, start again.
        ui.Keys("BTab", "BTab", "BTab", "Space");
        ui.WaitFor("☑ Resume");
        ui.Keys("F5");
        ui.WaitFor(", resuming.");
        ui.Keys("F6");
        ui.WaitFor("Stopped. Checkpoint:");
        Assert.Contains("\"trainRun\"", File.ReadAllText(Path.Combine(_folder, "config", "aijukebox", "settings.json")));
    }

    [Fact]
    public void Ui_Generate_WritesAMidiFile_F7PlaysItToThePort()
    {
        var output = Path.Combine(_folder, "generated.mid");
        var client = JackTestPorts.UniqueClient("uifile");
        using MidiInputPort listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        using var ui = Start("--api", "jack", "--out", client + ":in");
        ui.WaitFor(s => s.Contains("Parameters:") && s.Contains(client + ":in"), "the model and the chosen port");

        var screen = Generate(ui, output, seed: "5");
        ui.Keys("F7");
        ui.WaitFor($"Playing generated.mid to '{client}:in'");
        var received = new List<(int Status, int Pitch, int Velocity)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!received.Any(m => (m.Status & 0xF0) == 0x90 && m.Velocity > 0) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Drain(listener, received);
            Thread.Sleep(50);
        }

        ui.Keys("F7");
        ui.WaitFor("Stopped playing the file.");
        Thread.Sleep(300);
        Drain(listener, received);

        Assert.Contains("seed 5", screen);
        Assert.NotEmpty(MidiFileImporter.Read(output, ImportOptions.Default).Pieces[0].Notes);
        Assert.Contains(received, m => (m.Status & 0xF0) == 0x90 && m.Velocity > 0);
        Assert.Empty(Hanging(received));
    }

    [Fact]
    public void Ui_Generate_F8RendersTheFileToAWavBesideIt()
    {
        var output = Path.Combine(_folder, "song.mid");
        using var ui = Start("--api", "jack", "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2");
        ui.WaitFor("Parameters:");

        Generate(ui, output, seed: null);
        ui.Keys("F8");
        var screen = ui.WaitFor("Rendered ");

        Assert.Contains("TimGM6mb.sf2", screen);
        var (mono, rate, _) = Devices.Tests.Audio.WavReader.Read(Path.ChangeExtension(output, ".wav"));
        Assert.Equal(44100, rate);
        Assert.True(Devices.Tests.Audio.OnsetDetector.Rms(mono) > 0.001, "the rendered file is silent");
    }

    [Fact]
    public void Ui_SpacePlaysIntoJack_PlusRaisesTheTempo_KUnlocksTheKey_QuitEndsEveryNote()
    {
        var client = JackTestPorts.UniqueClient("uiplay");
        using MidiInputPort listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        using var ui = Start("--api", "jack", "--out", client + ":in");
        ui.WaitFor(s => s.Contains("Parameters:") && s.Contains(client + ":in"), "the model and the chosen port");

        ui.Keys("Space");
        ui.WaitFor($"Playing on '{client}:in'");
        var playing = ui.WaitFor(s => Regex.IsMatch(s, @"notes [1-9]"), "notes played");
        var tempo = int.Parse(Regex.Match(playing, @"(\d+) BPM").Groups[1].Value);
        ui.Keys("+");
        ui.WaitFor($"{tempo + 5} BPM");
        ui.WaitFor("key C major locked"); // the fixture's config: "key": "C:major"
        ui.Keys("k");
        ui.WaitFor(s => Regex.IsMatch(s, @"key \S+ (major|minor) following"), "the key unlocked");
        ui.Keys("q");

        Assert.Equal(0, ui.WaitForExit());
        var received = new List<(int Status, int Pitch, int Velocity)>();
        Drain(listener, received);

        Assert.Contains(received, m => (m.Status & 0xF0) == 0x90 && m.Velocity > 0);
        Assert.Empty(Hanging(received));
    }

    [Fact]
    public void Ui_R_RecordsATakeAndShowsItsName()
    {
        var client = JackTestPorts.UniqueClient("uirec");
        using MidiInputPort listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        using var ui = Start("--api", "jack", "--out", client + ":in");
        ui.WaitFor(s => s.Contains("Parameters:") && s.Contains(client + ":in"), "the model and the chosen port");

        ui.Keys("r");
        var recording = ui.WaitFor(s => Regex.IsMatch(s, @"REC take-\d{8}-\d{6}\.mid \d:\d\d  notes [1-9]"), "the take's name and notes");
        ui.Keys("r");
        ui.WaitFor("Take saved:");

        var take = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "takes"), "take-*.mid"));
        Assert.Contains(Path.GetFileName(take), recording);
        Assert.NotEmpty(MidiFileImporter.Read(take, ImportOptions.Default).Pieces.SelectMany(p => p.Notes));
    }

    [Fact]
    public void Ui_F4_ListsTheModelsFound_EnterLoadsTheChosenOne()
    {
        AddSecondModel();
        using var ui = Start("--api", "jack");
        ui.WaitFor("Name:       tiny");

        ui.Keys("F4");
        var list = ui.WaitFor(s => s.Contains("second lstm 16x1"), "the list of models");
        ui.Keys("Up"); // from the current model (tiny) to the one above it (the list is sorted)
        ui.Keys("Enter");
        var loaded = ui.WaitFor(s => s.Contains("Name:       second") && s.Contains("Parameters:"), "the second model loaded");

        Assert.Contains("Enter, F4 back", list);
        Assert.Contains("tiny lstm 16x1", list); // the current model, found through the settings or the session
        Assert.Contains("lstm 16x1, managed", loaded);
    }

    [Fact]
    public void Ui_F4WhilePlaying_TheChosenModelTakesOver_TheMusicGoesOn()
    {
        AddSecondModel();
        var client = JackTestPorts.UniqueClient("uiswitch");
        using MidiInputPort listener = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: client);
        using var ui = Start("--api", "jack", "--out", client + ":in");
        ui.WaitFor(s => s.Contains("Name:       tiny") && s.Contains(client + ":in"), "the model and the chosen port");
        ui.Keys("Space");
        ui.WaitFor(s => Regex.IsMatch(s, @"notes [1-9]"), "notes played");

        ui.Keys("F4");
        ui.WaitFor(s => s.Contains("second lstm 16x1"), "the list of models");
        ui.Keys("Up", "Enter");
        ui.WaitFor("second takes over at the next phrase.");
        var switched = ui.WaitFor(s => Regex.IsMatch(s, @"models switched 1 "), "the switch");
        var notes = int.Parse(Regex.Match(switched, @"notes (\d+)").Groups[1].Value);
        var later = ui.WaitFor(s => Regex.Match(s, @"notes (\d+)") is { Success: true } m && int.Parse(m.Groups[1].Value) >= notes + 8, "more notes from the new model");
        Assert.Contains("> playing", later);
        ui.Keys("C-q"); // the model pane's path field has the focus: q would be typed there

        Assert.Equal(0, ui.WaitForExit());
        var received = new List<(int Status, int Pitch, int Velocity)>();
        Drain(listener, received);
        Assert.Empty(Hanging(received));
    }

    /// <summary>A second model, "second", in the install's trained/ folder, with its notes file beside it.</summary>
    private void AddSecondModel()
    {
        var second = Path.Combine(_model.Home, "trained", "second");
        Directory.CreateDirectory(second);
        foreach (var file in Directory.GetFiles(_model.Run))
        {
            File.Copy(file, Path.Combine(second, Path.GetFileName(file)), overwrite: true);
        }

        File.Copy(_model.Notes, Path.Combine(second, "notes.json"), overwrite: true);
    }

    [Fact]
    public void Ui_MouseOnTheSliders_SetsTempoAndTemperature()
    {
        using var ui = Start("--api", "jack");
        var screen = ui.WaitFor(s => s.Contains("120 BPM [") && s.Contains("Parameters:"), "the transport line");
        var lines = screen.Split('\n');
        var row = Array.FindIndex(lines, l => l.Contains("120 BPM ["));
        var tempoBracket = lines[row].IndexOf("BPM [", StringComparison.Ordinal) + 4;

        // SGR mouse reports (what a terminal sends): 1-based column and row; M = press/drag, m = release.
        ui.Type($"\u001b[<0;{tempoBracket + 1 + 6};{row + 1}M");
        ui.Type($"\u001b[<0;{tempoBracket + 1 + 6};{row + 1}m");
        ui.WaitFor("240 BPM [======]");
        ui.Type($"\u001b[<0;{tempoBracket + 1 + 6};{row + 1}M");
        ui.Type($"\u001b[<32;{tempoBracket + 1 + 3};{row + 1}M");
        ui.Type($"\u001b[<0;{tempoBracket + 1 + 3};{row + 1}m");
        var dragged = ui.WaitFor("140 BPM [===---]");
        var temperatureBracket = dragged.Split('\n')[row].IndexOf("T 1.00 [", StringComparison.Ordinal) + 7;
        ui.Type($"\u001b[<0;{temperatureBracket + 1};{row + 1}M");
        ui.Type($"\u001b[<0;{temperatureBracket + 1};{row + 1}m");
        ui.WaitFor("T 0.10 [------]");
        ui.Keys("q");
        ui.WaitForExit();

        var settings = File.ReadAllText(Path.Combine(_folder, "config", "aijukebox", "settings.json"));
        Assert.Contains("\"tempo\": 140", settings);
        Assert.Contains("\"temperature\": 0.1", settings);
    }

    [Fact]
    public void Ui_Q_Quits()
    {
        using var ui = Start("--api", "jack");
        ui.WaitFor("Parameters:");

        ui.Keys("q");

        Assert.Equal(0, ui.WaitForExit());
    }

    private static void Drain(MidiInputPort listener, List<(int Status, int Pitch, int Velocity)> into)
    {
        while (listener.TryRead(out var message))
        {
            if (message.Length == 3)
            {
                into.Add((message.Status, message.Bytes[1], message.Bytes[2]));
            }
        }
    }

    private static List<(int Channel, int Pitch)> Hanging(List<(int Status, int Pitch, int Velocity)> messages)
    {
        var sounding = new HashSet<(int, int)>();
        foreach (var (status, pitch, velocity) in messages)
        {
            var kind = status & 0xF0;
            if (kind == 0x90 && velocity > 0)
            {
                sounding.Add((status & 0x0F, pitch));
            }
            else if (kind is 0x80 or 0x90)
            {
                sounding.Remove((status & 0x0F, pitch));
            }
        }

        return [.. sounding];
    }

    [Fact]
    public void Ui_NoMidiSystem_TheBuiltInSynthIsTheOutput_AndThePaneSaysWhy()
    {
        using var ui = StartOn($"{_jack.ServerName}-absent", "--api", "jack", "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2");

        var screen = ui.WaitFor(s => s.Contains("No MIDI:"), "the ports pane's problem line");

        Assert.Contains("built-in synth (Flui", screen); // "(FluidSynth)", cut at 80 columns
        Assert.Contains("No JACK server is running", screen);
        Assert.DoesNotContain("virtual: AI Jukebox", screen);

        // Space opens the synth, whose drivers are tried in turn: the jack one fails here (no such
        // server) and libjack's own "Cannot connect to server socket" must not reach the screen.
        ui.Keys("Space");
        screen = ui.WaitFor(s => s.Contains("Cannot play:") || s.Contains("Playing on 'built-in synth"), "the synth to play or say why not");
        Assert.DoesNotContain("Cannot connect to server", screen);
        Assert.DoesNotContain("ALSA lib", screen);
    }

    [Fact]
    public void Ui_OutSynth_SpacePlaysThroughFluidSynthsJackDriver()
    {
        using var ui = Start("--api", "jack", "--out", "synth", "--audio-driver", "jack", "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2");
        ui.WaitFor(s => s.Contains("Parameters:") && s.Contains("built-in synth (Flui"), "the model and the synth in the outputs");

        ui.Keys("Space");
        var screen = ui.WaitFor(s => s.Contains("Playing on 'built-in synth (FluidSynth"), "playing through the synth");

        Assert.Contains("aijukebox-synth:left", _jack.ListPorts());
        ui.Keys("q");
        ui.WaitFor(_ => ui.ExitCode is not null, "the UI to quit");
        Assert.Equal(0, ui.ExitCode);
        Assert.Contains("jack", screen);
    }

    /// <summary>F3, then the output file, 200 tokens and the seed (null: random) in the form, then F5; returns the screen once it says "Wrote".</summary>
    private static string Generate(TmuxSession ui, string output, string? seed)
    {
        ui.Keys("F3");
        ui.WaitFor("[F3 Generate]");
        ui.Keys("C-a");
        ui.Type(output);
        ui.Keys("Tab");
        ui.Type("200");
        if (seed is not null)
        {
            ui.Keys("Tab", "Tab", "Tab", "Tab");
            ui.Type(seed);
        }

        ui.Keys("F5");
        return ui.WaitFor("Wrote ");
    }

    private TmuxSession Start(params string[] args) => StartOn(_jack.ServerName, args);

    private TmuxSession StartOn(string jackServer, params string[] args) => new(
        _folder,
        new Dictionary<string, string>
        {
            ["AIJUKEBOX_HOME"] = _model.Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(_folder, "config"),
            ["JACK_DEFAULT_SERVER"] = jackServer,
            ["JACK_NO_START_SERVER"] = "1",
        },
        80,
        24,
        args);
}
