using System.CommandLine;
using System.Diagnostics;

using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Sampling;
using AiJukebox.Services;

namespace AiJukebox.Commands;

/// <summary><c>aijukebox generate</c>: weights + notes file → a generated .mid (the original's "weights to MIDI").</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "A model.json, run folder or .safetensors file (default: config/jukebox.json's model)" };
        var notes = new Option<string?>("--notes", "-n") { Description = "The notes file the model was trained on (default: notes.json beside the model)" };
        var output = new Option<string>("--output", "-o") { Description = "The .mid file to write", Required = true };
        var length = new Option<int?>("--length", "-l") { Description = "Tokens to generate (default 500 unless --beats is given)" };
        var beats = new Option<double?>("--beats", "-b") { Description = "Beats of music to generate" };
        var temperature = new Option<double>("--temperature", "-t") { Description = "Sampling temperature: lower is safer, higher is wilder", DefaultValueFactory = _ => SamplingOptions.Default.Temperature };
        var topK = new Option<int>("--top-k") { Description = "Sample only among the K likeliest tokens (0 = all)", DefaultValueFactory = _ => SamplingOptions.Default.TopK };
        var topP = new Option<double>("--top-p") { Description = "Sample only among the likeliest tokens that make up this probability (1 = all)", DefaultValueFactory = _ => SamplingOptions.Default.TopP };
        var repetition = new Option<double>("--repetition-penalty") { Description = "Divide the odds of recently used tokens by this (1 = off)", DefaultValueFactory = _ => SamplingOptions.Default.RepetitionPenalty };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Random seed: the same seed, model and settings give the same music (default: random)" };
        var primer = new Option<string>("--primer", "-p") { Description = "What the music continues: 'corpus' (a random window of the notes file), 'none', or a .mid file", DefaultValueFactory = _ => "corpus" };
        var primerLength = new Option<int>("--primer-length") { Description = "Tokens in a corpus primer", DefaultValueFactory = _ => 100 };
        var tempo = new Option<double>("--tempo") { Description = "Tempo of the file in BPM", DefaultValueFactory = _ => 120 };
        var program = new Option<int>("--program") { Description = "General MIDI program 0-127 (0 = Acoustic Grand Piano)", DefaultValueFactory = _ => 0 };
        var channel = new Option<int>("--channel") { Description = "MIDI channel 1-16", DefaultValueFactory = _ => 1 };
        var format = new Option<string?>("--format") { Description = "Require the model's tokenizer: events, remi, or chords (the original project's half-beat symbols)" };
        format.AcceptOnlyFromAmong([.. TokenizerFactory.Names]);
        var threads = new Option<int>("--threads") { Description = "LibTorch threads (1 is fastest for one token at a time)", DefaultValueFactory = _ => 1 };
        var engine = EngineOption.Create();
        var render = new Option<string?>("--render") { Description = "Also render the .mid to this .wav or .flac file with the built-in synth (FluidSynth)" };
        var synth = new SynthOptionSet();
        var stats = new Option<bool>("--stats") { Description = "Print per-token latency (p50/p99/max), tokens/s and memory before and after" };

        var command = new Command("generate", "Generate music with a trained model and write it to a .mid file.");
        foreach (var option in new Option[] { model, notes, output, length, beats, temperature, topK, topP, repetition, seed, primer, primerLength, tempo, program, channel, format, threads, engine, stats, render })
        {
            command.Options.Add(option);
        }

        synth.AddTo(command, live: false);

        command.SetAction((parse, cancel) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var problem = Problem(parse, length, beats, tempo, program, channel, primerLength, threads);
            if (problem is not null)
            {
                stderr.WriteLine($"aijukebox generate: {problem}");
                return Task.FromResult(2);
            }

            AudioRenderOptions? renderOptions = null;
            try
            {
                if (parse.GetValue(render) is { } audio)
                {
                    renderOptions = AudioRendering.IsAudioFile(audio) ? synth.Render(parse) : throw new ArgumentException($"--render writes .wav or .flac files, not {audio}.");
                }
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"aijukebox generate: {e.Message}");
                return Task.FromResult(2);
            }

            try
            {
                TorchRuntime.SetThreads(parse.GetValue(threads));
                using var loaded = ModelSelection.Load(parse.GetValue(model), parse.GetValue(notes), JukeboxConfig.Load);
                if (parse.GetValue(format) is { } wanted && wanted != loaded.Tokenizer.Name)
                {
                    stderr.WriteLine($"aijukebox generate: --format {wanted} needs a model trained on a {wanted} notes file; {loaded.NotesPath} uses {loaded.Tokenizer.Name}.");
                    return Task.FromResult(1);
                }

                var seedValue = parse.GetValue(seed) ?? (ulong)Random.Shared.NextInt64();
                var sampling = new SamplingOptions
                {
                    Temperature = parse.GetValue(temperature),
                    TopK = parse.GetValue(topK),
                    TopP = parse.GetValue(topP),
                    RepetitionPenalty = parse.GetValue(repetition),
                };
                var primerTokens = OfflineGeneration.Primer(loaded, parse.GetValue(primer)!, parse.GetValue(primerLength), seedValue);
                var maxBeats = parse.GetValue(beats);
                var request = new GenerationRequest(primerTokens, sampling, seedValue, parse.GetValue(length) ?? (maxBeats is null ? 500 : null), maxBeats);
                var code = Run(loaded, request, EngineOption.Parse(parse.GetValue(engine)), parse.GetValue(output)!, parse.GetValue(tempo), parse.GetValue(program), parse.GetValue(channel) - 1, parse.GetValue(stats), stdout, cancel);
                if (code == 0 && renderOptions is not null)
                {
                    stdout.WriteLine(AudioRendering.Summary(AudioRendering.Render(parse.GetValue(output)!, parse.GetValue(render)!, renderOptions, cancel)));
                }

                return Task.FromResult(code);
            }
            catch (Exception e) when (e is ModelFileException or NotesFileException or MidiImportException or MidiDeviceException or ArgumentException or FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"aijukebox generate: {e.Message.Split('\n')[0]}");
                return Task.FromResult(1);
            }
        });
        return command;
    }

    private static string? Problem(ParseResult parse, Option<int?> length, Option<double?> beats, Option<double> tempo, Option<int> program, Option<int> channel, Option<int> primerLength, Option<int> threads) =>
        parse.GetValue(length) is <= 0 ? "--length must be positive."
        : parse.GetValue(beats) is <= 0 ? "--beats must be positive."
        : parse.GetValue(tempo) is < 10 or > 400 ? "--tempo must be between 10 and 400 BPM."
        : parse.GetValue(program) is < 0 or > 127 ? "--program must be 0-127."
        : parse.GetValue(channel) is < 1 or > 16 ? "--channel must be 1-16."
        : parse.GetValue(primerLength) <= 0 ? "--primer-length must be positive."
        : parse.GetValue(threads) <= 0 ? "--threads must be 1 or more."
        : null;

    private static int Run(LoadedModel loaded, GenerationRequest request, InferenceEngine engine, string output, double tempo, int program, int channel, bool stats, TextWriter stdout, CancellationToken cancel)
    {
        var memoryBefore = MemoryFigures.Now();
        var clock = Stopwatch.StartNew();
        var result = OfflineGeneration.Generate(loaded, request, engine, null, cancel);
        clock.Stop();
        var memoryAfter = MemoryFigures.Now();

        OfflineGeneration.Write(result, output, tempo, program, channel);
        stdout.WriteLine(OfflineGeneration.Summary(loaded, result, request.Seed, output, tempo));
        if (stats)
        {
            var perToken = result.StepTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            stdout.WriteLine($"Tokens/s {result.Tokens.Length / clock.Elapsed.TotalSeconds:F0}; per token p50 {Percentile(perToken, 0.50):F3} ms, p99 {Percentile(perToken, 0.99):F3} ms, max {perToken.LastOrDefault():F3} ms ({loaded.Model.Network.Kind}, {EngineOption.Describe(loaded.Model, engine)}).");
            stdout.WriteLine($"Memory before generating: {memoryBefore}; after: {memoryAfter}.");
        }

        return cancel.IsCancellationRequested ? 130 : 0;
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
