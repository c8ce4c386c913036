using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

using AiJukebox.Configuration;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Sampling;
using AiJukebox.Playing;
using AiJukebox.Services;

namespace AiJukebox.Commands;

/// <summary>
/// <c>aijukebox evaluate</c>: how a model's music compares with the validation pieces it never
/// saw (and with the trigram baseline's): perplexity, histogram overlaps, tonal clarity, motif
/// repetition, texture, and whether it follows the key of a melody. Table on stdout, progress
/// on stderr, <c>--json</c> for scripts; the same seed gives the same output.
/// </summary>
internal static partial class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "A model.json or run folder (default: config/jukebox.json's model); its card names the validation split" };
        var notes = new Option<string?>("--notes", "-n") { Description = "The notes file the model was trained on (default: notes.json beside the model)" };
        var takes = new Option<int>("--takes") { Description = "Takes sampled per model; take i uses seed S + i", DefaultValueFactory = _ => 10 };
        var tokens = new Option<int>("--tokens") { Description = "Tokens per take", DefaultValueFactory = _ => 3000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "First seed: the same seed, model and settings give the same output", DefaultValueFactory = _ => 1 };
        var primerLength = new Option<int>("--primer-length") { Description = "Tokens of the validation piece each take continues", DefaultValueFactory = _ => 100 };
        var keyBeats = new Option<double>("--key-beats") { Description = "Beats of continuation after each key-test melody", DefaultValueFactory = _ => 16 };
        var temperature = new Option<double?>("--temperature", "-t") { Description = "Sampling temperature (default: config/jukebox.json live.sampling)" };
        var topK = new Option<int?>("--top-k") { Description = "Sample only among the K likeliest tokens, 0 = all (default: the config's)" };
        var topP = new Option<double?>("--top-p") { Description = "Sample only among the likeliest tokens making up this probability, 1 = all (default: the config's)" };
        var repetition = new Option<double?>("--repetition-penalty") { Description = "Divide the odds of recently used tokens by this, 1 = off (default: the config's)" };
        var baseline = new Option<bool>("--baseline") { Description = "Also sample the interpolated trigram fitted on the model's training pieces, the same way" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (per-key figures included) instead of the table" };
        var threads = new Option<int>("--threads") { Description = "LibTorch threads for the perplexity pass", DefaultValueFactory = _ => 1 };
        var engine = EngineOption.Create();

        var command = new Command("evaluate", "Measure a model's music against its validation pieces: perplexity, histogram overlaps, tonal clarity, motif repetition, texture, key following.");
        foreach (var option in new Option[] { model, notes, takes, tokens, seed, primerLength, keyBeats, temperature, topK, topP, repetition, baseline, json, threads, engine })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancel) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var problem = parse.GetValue(takes) < 1 ? "--takes must be 1 or more."
                : parse.GetValue(tokens) < 1 ? "--tokens must be 1 or more."
                : parse.GetValue(primerLength) < 1 ? "--primer-length must be 1 or more."
                : parse.GetValue(keyBeats) is <= 0 or > 1024 or double.NaN ? "--key-beats must be above 0 and at most 1024."
                : parse.GetValue(threads) < 1 ? "--threads must be 1 or more."
                : null;
            if (problem is not null)
            {
                stderr.WriteLine($"aijukebox evaluate: {problem}");
                return Task.FromResult(2);
            }

            SamplingOptions sampling;
            try
            {
                var defaults = LiveConfig.Load(JukeboxConfig.Load).Sampling;
                sampling = defaults with
                {
                    Temperature = parse.GetValue(temperature) ?? defaults.Temperature,
                    TopK = parse.GetValue(topK) ?? defaults.TopK,
                    TopP = parse.GetValue(topP) ?? defaults.TopP,
                    RepetitionPenalty = parse.GetValue(repetition) ?? defaults.RepetitionPenalty,
                };
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                // A sampling value out of range is a usage error, worded for the option, not the property.
                stderr.WriteLine($"aijukebox evaluate: {ParameterSuffix().Replace(e.Message.Split('\n')[0], "")}");
                return Task.FromResult(2);
            }

            try
            {
                TorchRuntime.SetThreads(parse.GetValue(threads));
                var clock = Stopwatch.StartNew();
                using var loaded = ModelSelection.Load(parse.GetValue(model), parse.GetValue(notes), JukeboxConfig.Load);
                var card = ModelCard.Load(CardPath(parse.GetValue(model) ?? JukeboxConfig.Load().DefaultModel));
                var request = new EvaluationRequest(parse.GetValue(takes), parse.GetValue(tokens), parse.GetValue(seed), parse.GetValue(primerLength), sampling, EngineOption.Parse(parse.GetValue(engine)), parse.GetValue(baseline), parse.GetValue(keyBeats));
                var report = ModelEvaluation.Run(loaded, card, request, line => stderr.WriteLine($"evaluate: {line} [{clock.Elapsed.TotalSeconds:F1} s]"), cancel);
                if (cancel.IsCancellationRequested)
                {
                    stderr.WriteLine("aijukebox evaluate: cancelled; nothing printed.");
                    return Task.FromResult(130);
                }

                stdout.Write(parse.GetValue(json) ? EvaluationReportWriter.Json(report) : EvaluationReportWriter.Table(report));
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluate: done in {clock.Elapsed.TotalSeconds:F1} s ({EngineOption.Describe(loaded.Model, request.Engine)})."));
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is ModelFileException or NotesFileException or ArgumentException or FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"aijukebox evaluate: {e.Message.Split('\n')[0]}");
                return Task.FromResult(1);
            }
        });
        return command;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial System.Text.RegularExpressions.Regex ParameterSuffix();

    /// <summary>The model card of a model path: evaluation needs it, for the split the model was trained with.</summary>
    /// <exception cref="ModelFileException">There is no card at or beside the path.</exception>
    private static string CardPath(string modelPath)
    {
        var card = Directory.Exists(modelPath) ? Path.Combine(modelPath, Trainer.ModelCardFile)
            : modelPath.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, Trainer.ModelCardFile)
            : modelPath;
        return File.Exists(card)
            ? card
            : throw new ModelFileException($"{card}: no model card; evaluate needs the model.json written by 'aijukebox train' beside the weights (it records the validation split).");
    }
}
