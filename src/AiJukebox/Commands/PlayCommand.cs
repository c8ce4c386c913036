using System.CommandLine;

using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Playing;
using AiJukebox.Services;

namespace AiJukebox.Commands;

/// <summary>
/// <c>aijukebox play</c>: the live performer on a MIDI port, listening to a keyboard, recording the
/// take. Defaults come from config/jukebox.json ("live" section); options override them.
/// </summary>
internal static partial class PlayCommand
{
    public const string DefaultPortName = "AI Jukebox";

    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "A model.json, run folder or .safetensors file (default: config/jukebox.json's model)" };
        var notes = new Option<string?>("--notes", "-n") { Description = "The notes file the model was trained on (default: notes.json beside the model)" };
        var output = new Option<string?>("--out", "-o") { Description = "Output port: exact name, index, or a unique part of it (see 'aijukebox ports'), or 'synth' for the built-in synth (FluidSynth); default: a virtual output, else the built-in synth when there is no MIDI system" };
        var virtualName = new Option<string?>("--virtual") { Description = $"Create a virtual output with this name for a synth or DAW to connect to (default '{DefaultPortName}')", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--in", "-i") { Description = "Input port of the player's keyboard" };
        var api = new Option<string?>("--api") { Description = "MIDI system: alsa, jack (AI Jukebox's own JACK client), rtmidi-jack (JACK through RtMidi), coremidi or winmm (default: the platform's usual one)" };
        api.AcceptOnlyFromAmong([.. MidiApiNames.All]);
        var mode = new Option<string?>("--mode") { Description = "solo, call-response or accompany" };
        mode.AcceptOnlyFromAmong("solo", "call-response", "accompany");
        var tempo = new Option<double?>("--tempo") { Description = "Tempo in BPM" };
        var temperature = new Option<double?>("--temperature", "-t") { Description = "Sampling temperature: lower is safer, higher is wilder" };
        var topK = new Option<int?>("--top-k") { Description = "Sample only among the K likeliest tokens (0 = all)" };
        var topP = new Option<double?>("--top-p") { Description = "Sample only among the likeliest tokens that make up this probability (1 = all)" };
        var key = new Option<string?>("--key", "-k") { Description = "Key to keep to: auto (follow the player, else itself), off, or <tonic>:<major|minor> such as F#:major (starts locked)" };
        var keyStrength = new Option<double?>("--key-strength") { Description = "How strongly the key holds, 0-1: 1 never plays out-of-key notes (but chromatic passing tones), 0.9 makes them 10 times rarer, 0 is off" };
        var meter = new Option<string?>("--meter") { Description = "Metre, such as 4/4, 3/4 or 6/8 (default: a remi model's primer's, else 4/4)" };
        var align = new Option<string?>("--align") { Description = "call-response: answers start on the next bar line (bar) or beat (beat) and last whole ones, or as soon as the pause is over (off)" };
        align.AcceptOnlyFromAmong("bar", "beat", "off");
        var metronome = new Option<bool?>("--metronome") { Description = "Click on every beat (General MIDI percussion, channel 10; the downbeat accented); C or a control change turns it on and off" };
        var countIn = new Option<int?>("--count-in") { Description = "Bars of clicks before the jukebox starts (0-16)" };
        var noClickInTake = new Option<bool>("--no-click-in-take") { Description = "Leave the metronome out of the recorded take (it has a track of its own otherwise)" };
        var loopBars = new Option<int?>("--loop-bars") { Description = "Bars a loop repeats (1-64): L or a control change loops the jukebox's last bars and goes back to the model" };
        var mutate = new Option<double?>("--mutate") { Description = "Share of the loop's bars (0-1) the model composes anew on each pass, the rest repeating (0: the loop repeats as it is); U or a control change sets it while playing" };
        var clickOut = new Option<string?>("--click-out") { Description = "Send the metronome to this output port instead of the jukebox's (a drum machine, a second synth, headphones)" };
        var models = new Option<string?>("--models") { Description = "Models to switch between while playing, comma-separated (the first plays first): the next-model control (23) loads the next and it takes over at the next phrase" };
        var record = new Option<string?>("--record", "-r") { Description = "Record the take to this .mid file (autosaved every few seconds)" };
        var duration = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Random seed (default: random)" };
        var thru = new Option<bool?>("--thru") { Description = "Echo the keyboard to the output" };
        var channel = new Option<int?>("--channel") { Description = "Output MIDI channel 1-16" };
        var program = new Option<int?>("--program") { Description = "General MIDI program 0-127 sent at the start" };
        var transpose = new Option<int?>("--transpose") { Description = "Semitones added to the jukebox's notes" };
        var velocity = new Option<double?>("--velocity-scale") { Description = "Factor applied to the jukebox's velocities" };
        var responseDelay = new Option<double?>("--response-delay") { Description = "call-response: beats of silence before the answer" };
        var responseBeats = new Option<double?>("--response-beats") { Description = "call-response: answer length in beats (default: as long as the call)" };
        var horizon = new Option<double?>("--horizon") { Description = "Beats composed ahead of the playhead" };
        var primer = new Option<string>("--primer", "-p") { Description = "What solo play continues: 'corpus' (a random window of the notes file), 'none', or a .mid file", DefaultValueFactory = _ => "corpus" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait after opening the ports before playing (to connect a virtual port)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "LibTorch threads (1 leaves a core for the clock)", DefaultValueFactory = _ => 1 };
        var engine = EngineOption.Create();
        var autosave = new Option<double?>("--autosave") { Description = "Seconds between autosaves of the take" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No status lines, only the summary" };
        var render = new Option<string?>("--render") { Description = "When the take is saved, render it to this .wav or .flac file with the built-in synth (records to the same name with .mid when --record is not given)" };
        var synth = new SynthOptionSet();

        var command = new Command("play", "Perform live on a MIDI port or the built-in synth: solo, call-and-response or accompanying a keyboard, recording the take.");
        foreach (var option in new Option[] { model, notes, output, virtualName, input, api, mode, tempo, temperature, topK, topP, key, keyStrength, meter, align, metronome, countIn, noClickInTake, clickOut, loopBars, mutate, models, record, duration, seed, thru, channel, program, transpose, velocity, responseDelay, responseBeats, horizon, primer, wait, threads, engine, autosave, quiet, render })
        {
            command.Options.Add(option);
        }

        synth.AddTo(command, live: true);

        command.SetAction((parse, cancel) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (parse.GetResult(output) is not null && parse.GetResult(virtualName) is not null)
            {
                stderr.WriteLine("aijukebox play: give either --out or --virtual, not both.");
                return Task.FromResult(2);
            }

            var modelList = (parse.GetValue(models) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (modelList.Length > 0 && (parse.GetResult(model) is not null || parse.GetResult(notes) is not null))
            {
                stderr.WriteLine("aijukebox play: give either --models (each with the notes file beside it) or --model/--notes, not both.");
                return Task.FromResult(2);
            }

            LiveOptions options;
            AudioRenderOptions renderOptions;
            try
            {
                var defaults = LiveConfig.Load(JukeboxConfig.Load);
                options = defaults with
                {
                    Mode = parse.GetValue(mode) switch
                    {
                        "solo" => PerformanceMode.Solo,
                        "call-response" => PerformanceMode.CallResponse,
                        "accompany" => PerformanceMode.Accompany,
                        _ => defaults.Mode,
                    },
                    Tempo = parse.GetValue(tempo) ?? defaults.Tempo,
                    Sampling = defaults.Sampling with
                    {
                        Temperature = parse.GetValue(temperature) ?? defaults.Sampling.Temperature,
                        TopK = parse.GetValue(topK) ?? defaults.Sampling.TopK,
                        TopP = parse.GetValue(topP) ?? defaults.Sampling.TopP,
                        KeyStrength = parse.GetValue(keyStrength) ?? defaults.Sampling.KeyStrength,
                    },
                    Key = parse.GetValue(key) is { } keyText ? KeySetting.Parse(keyText) : defaults.Key,
                    Meter = parse.GetValue(meter) is { } meterText ? BarMeter.Parse(meterText) : defaults.Meter,
                    Metronome = parse.GetValue(metronome) ?? defaults.Metronome,
                    CountInBars = parse.GetValue(countIn) ?? defaults.CountInBars,
                    LoopBars = parse.GetValue(loopBars) ?? defaults.LoopBars,
                    Mutate = parse.GetValue(mutate) ?? defaults.Mutate,
                    RecordMetronome = !parse.GetValue(noClickInTake) && defaults.RecordMetronome,
                    Align = parse.GetValue(align) switch
                    {
                        "bar" => PhraseAlignment.Bar,
                        "beat" => PhraseAlignment.Beat,
                        "off" => PhraseAlignment.Off,
                        _ => defaults.Align,
                    },
                    RecordPath = parse.GetValue(record) ?? (parse.GetValue(render) is { } audio ? Path.ChangeExtension(audio, ".mid") : defaults.RecordPath),
                    Seed = parse.GetValue(seed) ?? (ulong)Random.Shared.NextInt64(),
                    Thru = parse.GetValue(thru) ?? defaults.Thru,
                    Channel = parse.GetValue(channel) is { } c ? CheckChannel(c) - 1 : defaults.Channel,
                    Program = parse.GetValue(program) ?? defaults.Program,
                    Transpose = parse.GetValue(transpose) ?? defaults.Transpose,
                    VelocityScale = parse.GetValue(velocity) ?? defaults.VelocityScale,
                    ResponseDelayBeats = parse.GetValue(responseDelay) ?? defaults.ResponseDelayBeats,
                    ResponseBeats = parse.GetValue(responseBeats) ?? defaults.ResponseBeats,
                    HorizonBeats = parse.GetValue(horizon) ?? defaults.HorizonBeats,
                    AutosaveSeconds = parse.GetValue(autosave) ?? defaults.AutosaveSeconds,
                };
                options.Validate();
                if (parse.GetValue(render) is { } audioFile && !AudioRendering.IsAudioFile(audioFile))
                {
                    throw new ArgumentException($"--render writes .wav or .flac files, not {audioFile}.");
                }

                renderOptions = synth.Render(parse);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                stderr.WriteLine($"aijukebox play: {ParameterSuffix().Replace(e.Message.Split('\n')[0], "")}");
                return Task.FromResult(2);
            }

            if (parse.GetValue(duration) is <= 0 || parse.GetValue(wait) is < 0 or > 600 || parse.GetValue(threads) <= 0)
            {
                stderr.WriteLine("aijukebox play: --duration must be positive, --wait 0-600 seconds, --threads 1 or more.");
                return Task.FromResult(2);
            }

            var settings = new PlaySettings(
                options,
                parse.GetValue(output),
                parse.GetResult(virtualName) is null ? null : parse.GetValue(virtualName) ?? DefaultPortName,
                parse.GetValue(input),
                parse.GetValue(api),
                parse.GetValue(duration),
                parse.GetValue(primer)!,
                parse.GetValue(wait),
                parse.GetValue(quiet),
                EngineOption.Parse(parse.GetValue(engine)),
                synth.Live(parse),
                parse.GetValue(render),
                renderOptions,
                parse.GetValue(clickOut),
                modelList);
            try
            {
                TorchRuntime.SetThreads(parse.GetValue(threads));
                using var loaded = ModelSelection.Load(modelList.Length > 0 ? modelList[0] : parse.GetValue(model), parse.GetValue(notes), JukeboxConfig.Load);
                var primerTokens = OfflineGeneration.Primer(loaded, settings.Primer, 100, options.Seed);
                return Task.FromResult(PlaySession.Run(settings, loaded, primerTokens, parse.InvocationConfiguration.Output, stderr, cancel));
            }
            catch (Exception e) when (e is ModelFileException or NotesFileException or MidiImportException or MidiDeviceException or ArgumentException or FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"aijukebox play: {e.Message.Split('\n')[0]}");
                return Task.FromResult(1);
            }
        });
        return command;
    }

    // ArgumentException appends " (Parameter 'Name')": noise for a user who typed an option.
    [System.Text.RegularExpressions.GeneratedRegex(@" \(Parameter '[^']*'\)")]
    private static partial System.Text.RegularExpressions.Regex ParameterSuffix();

    private static int CheckChannel(int channel) =>
        channel is >= 1 and <= 16 ? channel : throw new ArgumentException("--channel must be 1-16.");
}
