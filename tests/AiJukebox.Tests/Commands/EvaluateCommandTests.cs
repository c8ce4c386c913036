using System.Text.Json;

using AiJukebox.Commands;
using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

/// <summary><c>aijukebox evaluate</c> on the tiny in-test models: rows, ranges, the validation split, reproducibility, errors.</summary>
public sealed class EvaluateCommandTests(GenerateCommandTests.TinyModels models) : IClassFixture<GenerateCommandTests.TinyModels>
{
    // Small enough for seconds, long enough for every statistic to be defined.
    private static readonly string[] Quick = ["--takes", "2", "--tokens", "240", "--key-beats", "4", "--seed", "5"];

    [Fact]
    public void Evaluate_Table_HasEveryRowAndColumn()
    {
        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), ["evaluate", "--model", models.Events.Run, "--notes", models.Events.Notes, "--baseline", .. Quick]);

        Assert.True(exit == 0, error);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("statistic", StringComparison.Ordinal) && l.Contains("corpus") && l.Contains("model") && l.Contains("baseline"));
        foreach (var row in new[] { "validation perplexity", "overlap: pitch ", "overlap: pitch class", "overlap: inter-onset", "overlap: duration", "overlap: velocity", "tonal clarity", "motif repetition", "notes per beat", "polyphony", "pitch range", "longest top-line run (mean)", "longest top-line run (max)", "key following (24 keys)" })
        {
            Assert.Contains(lines, l => l.StartsWith(row, StringComparison.Ordinal));
        }

        // Progress goes to stderr, never into the table.
        Assert.Contains("evaluate: model: take 2/2", error);
        Assert.DoesNotContain("take 1/2", output);
    }

    [Fact]
    public void Evaluate_Json_ValuesInRange_AndTheCardsValidationSplit()
    {
        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), ["evaluate", "--model", models.Events.Run, "--notes", models.Events.Notes, "--baseline", "--json", .. Quick]);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var card = ModelCard.Load(Path.Combine(models.Events.Run, "model.json"));
        var split = CorpusSplit.Create(card.Corpus.Pieces, card.Training.ValidationFraction, card.Training.Seed);
        Assert.Equal(split.ValidationPieces, root.GetProperty("validationPieces").EnumerateArray().Select(e => e.GetInt32()));
        var perplexity = root.GetProperty("perplexity");
        Assert.Equal(card.ValidationPerplexity, perplexity.GetProperty("model").GetDouble(), card.ValidationPerplexity * 1e-5);
        Assert.Equal(card.Baseline.Perplexity, perplexity.GetProperty("baseline").GetDouble(), 1e-9);

        var sets = root.GetProperty("sets");
        Assert.Equal(card.Corpus.ValidationPieces, sets.GetProperty("corpus").GetProperty("pieces").GetInt32());
        foreach (var name in new[] { "model", "baseline" })
        {
            var set = sets.GetProperty(name);
            Assert.Equal(2, set.GetProperty("pieces").GetInt32());
            Assert.True(set.GetProperty("notes").GetInt32() > 0, name);
            foreach (var overlap in set.GetProperty("overlap").EnumerateObject())
            {
                Assert.InRange(overlap.Value.GetDouble(), 0, 1);
            }

            Assert.InRange(set.GetProperty("tonalClarity").GetDouble(), -1, 1);
            Assert.InRange(set.GetProperty("motifRepetition").GetDouble(), 0, 1);
            Assert.True(set.GetProperty("notesPerBeat").GetDouble() > 0);
            Assert.True(set.GetProperty("polyphony").GetDouble() >= 1);
            Assert.InRange(set.GetProperty("pitchRange").GetDouble(), 0, 87);
            Assert.True(set.GetProperty("longestTopLineRunMax").GetInt32() >= 1);
            var keys = set.GetProperty("keyFollowing");
            Assert.InRange(keys.GetProperty("mean").GetDouble(), 0, 1);
            var perKey = keys.GetProperty("perKey").EnumerateArray().ToArray();
            Assert.Equal(24, perKey.Length);
            Assert.Equal("C major", perKey[0].GetProperty("key").GetString());
            Assert.All(perKey, k => Assert.InRange(k.GetProperty("inKey").GetInt32(), 0, k.GetProperty("notes").GetInt32()));
        }
    }

    [Fact]
    public void Evaluate_SameSeed_SameOutput_OtherSeed_OtherTakes()
    {
        string[] args = ["evaluate", "--model", models.Events.Run, "--notes", models.Events.Notes, "--json", "--baseline", "--takes", "2", "--tokens", "200", "--key-beats", "4"];

        var first = Cli.Run(EvaluateCommand.Create(), [.. args, "--seed", "3"]);
        var second = Cli.Run(EvaluateCommand.Create(), [.. args, "--seed", "3"]);
        var third = Cli.Run(EvaluateCommand.Create(), [.. args, "--seed", "4"]);

        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Equal(first.Out, second.Out);
        Assert.NotEqual(Sets(first.Out), Sets(third.Out));
    }

    [Fact]
    public void Evaluate_ChordsBiLstm_WorksThroughTheTokenizerInterface()
    {
        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), ["evaluate", "--model", models.Chords.Run, "--notes", models.Chords.Notes, "--json", "--takes", "1", "--tokens", "64", "--key-beats", "4"]);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("chords", json.RootElement.GetProperty("tokenizer").GetString());
        Assert.Equal(24, json.RootElement.GetProperty("sets").GetProperty("model").GetProperty("keyFollowing").GetProperty("perKey").GetArrayLength());
    }

    [Fact]
    public void Evaluate_MissingModel_OneLineSaysWhatToDo()
    {
        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), "evaluate", "--model", "/nonexistent/run", "--notes", models.Events.Notes);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("aijukebox train", error);
    }

    [Fact]
    public void Evaluate_NotesForAnotherVocabulary_NamesTheNotesFile()
    {
        var (exit, _, error) = Cli.Run(EvaluateCommand.Create(), "evaluate", "--model", models.Events.Run, "--notes", models.Chords.Notes);

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(models.Chords.Notes, error);
    }

    [Fact]
    public void Evaluate_NotesFileOfAnotherCorpus_RefusesTheSplit()
    {
        // Same vocabulary, so the weights load; but one piece fewer than the card's corpus.
        var notes = NotesFile.Load(models.Events.Notes);
        var other = Path.Combine(Path.GetDirectoryName(models.Events.Notes)!, "fewer-pieces.json");
        new NotesFile(notes.Tokenizer, notes.Settings, notes.Vocabulary, [.. notes.Pieces.Skip(1)]).Save(other);

        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), "evaluate", "--model", models.Events.Run, "--notes", other);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(other, error);
        Assert.Contains("the notes file the model was trained with", error);
    }

    [Fact]
    public void Evaluate_SafetensorsWithoutACard_SaysWhy()
    {
        var folder = Directory.CreateTempSubdirectory("aijukebox-evaluate-").FullName;
        try
        {
            var weights = Path.Combine(folder, "best.safetensors");
            File.Copy(Path.Combine(models.Events.Run, "best.safetensors"), weights);

            var (exit, _, error) = Cli.Run(EvaluateCommand.Create(), "evaluate", "--model", weights, "--notes", models.Events.Notes);

            Assert.Equal(1, exit);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("model.json", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--takes", "0", "--takes")]
    [InlineData("--key-beats", "-1", "--key-beats")]
    [InlineData("--temperature", "-1", "Temperature")]
    [InlineData("--top-p", "0", "Top-p")]
    public void Evaluate_BadOption_IsAOneLineUsageError(string option, string value, string named)
    {
        var (exit, output, error) = Cli.Run(EvaluateCommand.Create(), "evaluate", "--model", models.Events.Run, "--notes", models.Events.Notes, option, value);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(named, error);
        Assert.DoesNotContain("(Parameter", error);
    }

    private static string Sets(string json) => JsonDocument.Parse(json).RootElement.GetProperty("sets").GetProperty("model").GetRawText();
}
