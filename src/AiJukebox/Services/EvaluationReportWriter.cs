using System.Globalization;
using System.Text;
using System.Text.Json;

using AiJukebox.Music.Evaluation;

namespace AiJukebox.Services;

/// <summary>The evaluate verb's two outputs: a table for people, JSON for scripts. Both depend only on the report, so the same seed prints the same bytes.</summary>
internal static class EvaluationReportWriter
{
    private const string None = "-";

    /// <summary>Rows = statistics, columns = corpus (the validation pieces), model, and baseline when it was sampled.</summary>
    public static string Table(EvaluationReport report)
    {
        var r = report.Request;
        var sampling = r.Sampling;
        var withBaseline = report.BaselineTakes is not null;
        var rows = new List<string[]>
        {
            Row("validation perplexity", None, F(report.ModelPerplexity), F(report.Baseline.Perplexity)),
            Row("  (model card)", None, F(report.CardPerplexity), F(report.CardBaseline.Perplexity)),
        };
        var overlaps = new[] { ("pitch", (Func<HistogramOverlaps, double>)(o => o.Pitch)), ("pitch class", o => o.PitchClass), ("inter-onset", o => o.InterOnset), ("duration", o => o.Duration), ("velocity", o => o.Velocity) };
        foreach (var (name, pick) in overlaps)
        {
            rows.Add(Row($"overlap: {name}", None, F(pick(report.ModelTakes.OverlapWith(report.Corpus))), report.BaselineTakes is { } b ? F(pick(b.OverlapWith(report.Corpus))) : None));
        }

        rows.Add(Stat("tonal clarity", s => s.TonalClarity));
        rows.Add(Stat("motif repetition", s => s.MotifRepetition));
        rows.Add(Stat("notes per beat", s => s.NotesPerBeat));
        rows.Add(Stat("polyphony", s => s.Polyphony));
        rows.Add(Stat("pitch range (semitones)", s => s.PitchRange, "F1"));
        rows.Add(Stat("longest top-line run (mean)", s => s.LongestTopLineRun, "F1"));
        rows.Add(Stat("longest top-line run (max)", s => s.LongestTopLineRunMax, "F0"));
        rows.Add(Row("key following (24 keys)", None, F(report.ModelKeys.Mean), report.BaselineKeys is { } k ? F(k.Mean) : None));
        rows.Add(Stat("pieces", s => s.Pieces, "F0"));
        rows.Add(Stat("notes", s => s.Notes, "F0"));

        var header = withBaseline ? new[] { "statistic", "corpus", "model", "baseline" } : ["statistic", "corpus", "model"];
        var all = rows.Select(row => row[..header.Length]).Prepend(header).ToArray();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.ModelName} ({report.Network.Kind}, {report.Tokenizer}) against its {report.Corpus.Pieces} validation pieces; {r.Takes} takes of {r.Tokens} tokens, seeds {r.Seed}..{r.Seed + (ulong)r.Takes - 1}, temperature {sampling.Temperature:0.###}, top-k {sampling.TopK}, top-p {sampling.TopP:0.###}, repetition penalty {sampling.RepetitionPenalty:0.###}");
        foreach (var row in all)
        {
            text.Append(row[0].PadRight(widths[0]));
            for (var c = 1; c < row.Length; c++)
            {
                text.Append("  ").Append(row[c].PadLeft(widths[c]));
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Key following: share of the continuation's notes in the melody's key ({r.KeyBeats:0.#} beats after each melody); chance is 0.58 (major) / 0.67 (minor).");
        return text.ToString();

        string[] Stat(string name, Func<SetStatistics, double?> pick, string format = "F3") =>
            Row(name, F(pick(report.Corpus), format), F(pick(report.ModelTakes), format), report.BaselineTakes is { } b ? F(pick(b), format) : None);
    }

    /// <summary>The report as one indented JSON object.</summary>
    public static string Json(EvaluationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var r = report.Request;
            json.WriteStartObject();
            json.WriteString("model", report.ModelName);
            json.WriteString("network", report.Network.Kind);
            json.WriteString("tokenizer", report.Tokenizer);
            json.WriteStartObject("settings");
            json.WriteNumber("takes", r.Takes);
            json.WriteNumber("tokens", r.Tokens);
            json.WriteNumber("seed", r.Seed);
            json.WriteNumber("primerLength", r.PrimerLength);
            json.WriteNumber("temperature", r.Sampling.Temperature);
            json.WriteNumber("topK", r.Sampling.TopK);
            json.WriteNumber("topP", r.Sampling.TopP);
            json.WriteNumber("repetitionPenalty", r.Sampling.RepetitionPenalty);
            json.WriteNumber("repetitionWindow", r.Sampling.RepetitionWindow);
            json.WriteNumber("keyBeats", r.KeyBeats);
            json.WriteEndObject();
            json.WriteStartArray("validationPieces");
            foreach (var piece in report.ValidationPieces)
            {
                json.WriteNumberValue(piece);
            }

            json.WriteEndArray();
            json.WriteStartObject("perplexity");
            Number(json, "model", report.ModelPerplexity);
            Number(json, "baseline", report.Baseline.Perplexity);
            Number(json, "modelCard", report.CardPerplexity);
            Number(json, "baselineCard", report.CardBaseline.Perplexity);
            json.WriteStartObject("baselineWeights");
            Number(json, "trigram", report.Baseline.TrigramWeight);
            Number(json, "bigram", report.Baseline.BigramWeight);
            Number(json, "unigram", report.Baseline.UnigramWeight);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("sets");
            Set(json, "corpus", report.Corpus, null, null);
            Set(json, "model", report.ModelTakes, report.Corpus, report.ModelKeys);
            if (report.BaselineTakes is { } baseline)
            {
                Set(json, "baseline", baseline, report.Corpus, report.BaselineKeys);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Set(Utf8JsonWriter json, string name, SetStatistics set, SetStatistics? corpus, KeyFollowingResult? keys)
    {
        json.WriteStartObject(name);
        json.WriteNumber("pieces", set.Pieces);
        json.WriteNumber("notes", set.Notes);
        if (corpus is not null)
        {
            var o = set.OverlapWith(corpus);
            json.WriteStartObject("overlap");
            Number(json, "pitch", o.Pitch);
            Number(json, "pitchClass", o.PitchClass);
            Number(json, "interOnset", o.InterOnset);
            Number(json, "duration", o.Duration);
            Number(json, "velocity", o.Velocity);
            json.WriteEndObject();
        }

        Number(json, "tonalClarity", set.TonalClarity);
        Number(json, "motifRepetition", set.MotifRepetition);
        Number(json, "notesPerBeat", set.NotesPerBeat);
        Number(json, "polyphony", set.Polyphony);
        Number(json, "pitchRange", set.PitchRange);
        Number(json, "longestTopLineRun", set.LongestTopLineRun);
        json.WriteNumber("longestTopLineRunMax", set.LongestTopLineRunMax);
        if (keys is not null)
        {
            json.WriteStartObject("keyFollowing");
            Number(json, "mean", keys.Mean);
            json.WriteStartArray("perKey");
            foreach (var key in keys.PerKey)
            {
                json.WriteStartObject();
                json.WriteString("key", key.Key.Name);
                json.WriteNumber("notes", key.Notes);
                json.WriteNumber("inKey", key.InKey);
                Number(json, "share", key.Share);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>A number, or null where it is undefined (no data: null or NaN).</summary>
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string[] Row(string name, string corpus, string model, string baseline) => [name, corpus, model, baseline];

    private static string F(double? value, string format = "F3") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : None;
}
