using Xunit.Abstractions;

namespace AiJukebox.Model.Tests;

public sealed class TrainedModelTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(NetworkOptions.Lstm)]
    [InlineData(NetworkOptions.Transformer)]
    public void Load_SameVocabulary_PredictsLikeTheTrainedNetwork(string kind)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(kind, epochs: 12), run.Path).Train(false, null, CancellationToken.None);

        using var model = TrainedModel.Load(run["model.json"], notes, "notes.json");
        using var predictor = model.CreatePredictor();
        var logits = new float[predictor.VocabularySize];
        var piece = notes.Pieces[0].Tokens;
        var correct = 0;
        for (var i = 0; i < 60; i++)
        {
            predictor.Feed(piece[i]);
            predictor.Predict(logits);
            correct += Array.IndexOf(logits, logits.Max()) == piece[i + 1] ? 1 : 0;
        }

        output.WriteLine($"{correct}/60 next tokens predicted");
        Assert.Equal(kind, model.Network.Kind);
        Assert.True(correct > 40, $"{correct}/60 next tokens predicted");
    }

    [Fact]
    public void Load_OtherVocabulary_FailsWithOneLineNamingBothFiles()
    {
        using var run = new TempDirectory();
        new Trainer(SyntheticCorpus.Create(), "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.BiLstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        var other = SyntheticCorpus.Create(vocabulary: SyntheticCorpus.EventsVocabulary("Extra"));

        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(run["model.json"], other, "other-notes.json"));

        Assert.Contains("best.safetensors", error.Message);
        Assert.Contains("other-notes.json", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_MissingModel_SaysWhatToDo()
    {
        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load("/nonexistent/model.json", SyntheticCorpus.Create(), "n.json"));
        Assert.Contains("aijukebox train", error.Message);
    }

    [Theory]
    [InlineData("../elsewhere/best.safetensors")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../best.safetensors")]
    public void Load_CardNamingWeightsOutsideItsFolder_IsRefused(string weights)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        (ModelCard.Load(run["model.json"]) with { Weights = weights }).Save(run["model.json"]);

        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(run["model.json"], notes, "notes.json"));

        Assert.Contains("outside the model's folder", error.Message);
    }

    [Fact]
    public void Load_CardOfANewerVersion_SaysToUpdate()
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        (ModelCard.Load(run["model.json"]) with { Version = ModelCard.SupportedVersion + 1 }).Save(run["model.json"]);

        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(run["model.json"], notes, "notes.json"));

        Assert.Contains("update aijukebox", error.Message);
    }

    [Fact]
    public void FileBeside_ANameInTheFolder_IsThatFile()
    {
        using var run = new TempDirectory();

        Assert.Equal(Path.GetFullPath(run["sub/best.safetensors"]), ModelCard.FileBeside(run["model.json"], "sub/best.safetensors"));
    }

    // Forged metadata escaped as FormatException or JsonException (found by tests/AiJukebox.Fuzz),
    // or built a network of any size before the tensors were compared (found reading that code).
    [Theory]
    [InlineData("vocabularySize", "../../etc/passwd", "vocabulary size '../../etc/passwd' is not the notes file's")]
    [InlineData("network", "{\"kind\":\"lstm\"", "network description is damaged")]
    [InlineData("network", "{\"kind\":\"lstm\",\"embeddingSize\":1000000,\"hiddenSize\":8,\"layers\":1,\"denseSize\":8,\"dropout\":0,\"window\":8}", "at most 16384")]
    [InlineData("network", "{\"kind\":\"lstm\",\"embeddingSize\":16384,\"hiddenSize\":16384,\"layers\":128,\"denseSize\":8,\"dropout\":0,\"window\":8}", "needs more weights than the file holds")]
    public void Load_ForgedWeightsMetadata_IsRefusedBeforeTheNetworkIsBuilt(string key, string value, string expected)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        var tensors = SafeTensorsFile.Load(run["best.safetensors"], out var metadata);
        SafeTensorsFile.Save(run["best.safetensors"], tensors, new Dictionary<string, string>(metadata) { [key] = value });
        foreach (var tensor in tensors.Values)
        {
            tensor.Dispose();
        }

        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(run["model.json"], notes, "notes.json"));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("\"weights\": \"best.safetensors\"", "\"weights\": null")]
    [InlineData("\"notesFile\": \"notes.json\",", "")]
    public void Load_CardWithANullOrMissingName_IsADamagedCard(string field, string replacement)
    {
        using var run = new TempDirectory();
        var notes = SyntheticCorpus.Create();
        new Trainer(notes, "notes.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        var card = File.ReadAllText(run["model.json"]);
        Assert.Contains(field, card);
        File.WriteAllText(run["model.json"], card.Replace(field, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<ModelFileException>(() => TrainedModel.Load(run["model.json"], notes, "notes.json"));

        Assert.Contains("not a valid model card", error.Message);
    }
}
