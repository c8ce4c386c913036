using AiJukebox.Music;

using Xunit.Abstractions;

namespace AiJukebox.Model.Tests;

public sealed class TrainerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(NetworkOptions.Lstm)]
    [InlineData(NetworkOptions.BiLstm)]
    [InlineData(NetworkOptions.Transformer)]
    public void Train_TinyPatternedCorpus_LossGoesDown(string kind)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        var options = SyntheticCorpus.TinyOptions(kind, epochs: 12);

        var result = new Trainer(notes, "notes.json", options, run.Path).Train(resume: false, progress: null, CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        var card = ModelCard.Load(run["model.json"]);
        output.WriteLine($"train {card.Epochs[0].TrainLoss:F3} -> {card.Epochs[^1].TrainLoss:F3}, validation perplexity {card.ValidationPerplexity:F3} vs trigram {card.Baseline.Perplexity:F3}");
        Assert.Equal(12, card.Epochs.Count);
        Assert.True(card.Epochs[^1].TrainLoss < 0.5 * card.Epochs[0].TrainLoss, $"train loss {card.Epochs[0].TrainLoss} -> {card.Epochs[^1].TrainLoss}");
        Assert.True(card.ValidationLoss < card.Epochs[0].ValidationLoss, $"validation loss {card.Epochs[0].ValidationLoss} -> {card.ValidationLoss}");
        // The pattern is deterministic, so a trained network beats the trigram, which sees only two tokens back.
        Assert.True(card.ValidationPerplexity < card.Baseline.Perplexity, $"model {card.ValidationPerplexity} vs trigram {card.Baseline.Perplexity}");
    }

    [Fact]
    public void Train_EachEpoch_WritesCheckpointsHistoryPlotAndCard()
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();

        new Trainer(notes, "corpus/notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 2) with { Attribution = "test corpus" }, run.Path)
            .Train(resume: false, progress: null, CancellationToken.None);

        var epochFiles = Directory.GetFiles(run.Path, "epoch-*.safetensors").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(2, epochFiles.Length);
        Assert.Matches(@"^epoch-001-loss-\d+\.\d{4}-val-\d+\.\d{4}\.safetensors$", epochFiles[0]);
        foreach (var name in new[] { "best.safetensors", "last.safetensors", "last.optimizer", "training-state.json", "model.json" })
        {
            Assert.True(File.Exists(run[name]), name);
        }

        Assert.Equal(3, File.ReadAllLines(run["history.csv"]).Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(run["loss.png"])[..4]);
        var card = ModelCard.Load(run["model.json"]);
        Assert.Equal(notes.Vocabulary.Hash, card.VocabularyHash);
        Assert.Equal("events", card.Tokenizer);
        Assert.Equal("notes.json", card.Corpus.NotesFile);
        Assert.Equal("test corpus", card.Corpus.Attribution);
        Assert.Equal(notes.Pieces.Count, card.Corpus.TrainPieces + card.Corpus.ValidationPieces);
        Assert.Equal("interpolated trigram", card.Baseline.Kind);
        Assert.Empty(Directory.GetFiles(run.Path, "*.tmp"));
    }

    [Fact]
    public void Train_PatienceReached_StopsEarly()
    {
        using var run = new TempDirectory();
        // A learning rate this large makes validation loss stop improving at once.
        var options = SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 8) with { LearningRate = 5, Patience = 1, ClipNorm = 0 };

        var result = new Trainer(SyntheticCorpus.Create(), "notes.json", options, run.Path).Train(false, null, CancellationToken.None);

        Assert.Equal(TrainingStatus.EarlyStopped, result.Status);
        Assert.True(ModelCard.Load(run["model.json"]).Epochs.Count < 8);
    }

    [Fact]
    public void Train_AugmentTransposeWithChordsTokenizer_IsRejected()
    {
        using var run = new TempDirectory();
        var events = SyntheticCorpus.Create();
        var chords = new NotesFile("chords", new Dictionary<string, string>(), events.Vocabulary, events.Pieces);

        var error = Assert.Throws<ArgumentException>(() => new Trainer(chords, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm) with { AugmentTranspose = 3 }, run.Path)
            .Train(false, null, CancellationToken.None));
        Assert.Contains("--augment-transpose", error.Message);
    }
}
