using AiJukebox.Music;

namespace AiJukebox.Model.Tests;

/// <summary>
/// What evaluate relies on: the validation split recreated from the card, the network's
/// perplexity and the trigram's measured again exactly as training measured them, and the
/// trigram as a predictor that agrees with its own scoring.
/// </summary>
public sealed class NGramBaselineTests
{
    [Theory]
    [InlineData(NetworkOptions.Lstm)]
    [InlineData(NetworkOptions.BiLstm)]
    public void PerplexityAndScore_OnTheCardsSplit_ReproduceTheCard(string kind)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(kind, epochs: 2), run.Path).Train(resume: false, progress: null, CancellationToken.None);
        var card = ModelCard.Load(run["model.json"]);
        using var model = TrainedModel.Load(run["model.json"], notes, "notes.json");
        var split = CorpusSplit.Create(notes.Pieces.Count, card.Training.ValidationFraction, card.Training.Seed);
        var validation = split.ValidationPieces.Select(i => notes.Pieces[i].Tokens).ToArray();

        var perplexity = model.Perplexity(validation);
        var baseline = NGramBaseline.Fit(split.TrainPieces.Select(i => notes.Pieces[i].Tokens), notes.Vocabulary.Count).Score(validation, model);

        Assert.Equal(card.ValidationPerplexity, perplexity, card.ValidationPerplexity * 1e-5);
        Assert.Equal(card.Baseline.Perplexity, baseline.Perplexity, 1e-9);
        Assert.Equal(card.Baseline.TrigramWeight, baseline.TrigramWeight, 1e-12);
        Assert.Equal(card.Baseline.BigramWeight, baseline.BigramWeight, 1e-12);
    }

    [Fact]
    public void Perplexity_NoWholeWindow_Throws()
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(resume: false, progress: null, CancellationToken.None);
        using var model = TrainedModel.Load(run["model.json"], notes, "notes.json");

        Assert.Throws<ArgumentException>(() => model.Perplexity([[1, 2, 3]]));
    }

    [Fact]
    public void CreatePredictor_EveryContext_IsADistribution()
    {
        var baseline = NGramBaseline.Fit([[0, 1, 2, 0, 1, 3, 0, 1, 2]], vocabularySize: 5);
        using var predictor = baseline.CreatePredictor(new BaselineSummary("interpolated trigram", 0, 0.5, 0.3, 0.2));
        var logits = new float[5];

        foreach (var context in new[] { Array.Empty<int>(), [0], [0, 1], [4, 4], [3, 0] })
        {
            predictor.Reset();
            foreach (var token in context)
            {
                predictor.Feed(token);
            }

            predictor.Predict(logits);
            Assert.Equal(1.0, logits.Sum(l => Math.Exp(l)), 1e-5);
        }
    }

    [Fact]
    public void CreatePredictor_LearnedPattern_PredictsTheNextToken()
    {
        var pattern = Enumerable.Range(0, 300).Select(i => i % 5).ToArray();
        var baseline = NGramBaseline.Fit([pattern], vocabularySize: 10);
        using var predictor = baseline.CreatePredictor(new BaselineSummary("interpolated trigram", 0, 0.6, 0.3, 0.1));
        var logits = new float[10];

        predictor.Feed(2);
        predictor.Feed(3);
        predictor.Predict(logits);

        Assert.Equal(4, Array.IndexOf(logits, logits.Max()));
        Assert.True(Math.Exp(logits[4]) > 0.9);
    }

    [Fact]
    public void CreatePredictor_BadWeights_Throw()
    {
        var baseline = NGramBaseline.Fit([[0, 1]], vocabularySize: 2);

        Assert.Throws<ArgumentException>(() => baseline.CreatePredictor(new BaselineSummary("x", 0, 0.5, 0.5, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NGramBaseline.Fit([], 0));
    }
}
