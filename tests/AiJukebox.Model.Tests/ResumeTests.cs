namespace AiJukebox.Model.Tests;

public sealed class ResumeTests
{
    [Theory]
    [InlineData(NetworkOptions.Lstm)]
    [InlineData(NetworkOptions.BiLstm)]
    [InlineData(NetworkOptions.Transformer)]
    public void Resume_AfterCancelMidEpoch_GivesTheUninterruptedRunsWeights(string kind)
    {
        var notes = SyntheticCorpus.Create();
        var options = SyntheticCorpus.TinyOptions(kind, epochs: 3) with { AugmentTranspose = 2 };
        using var straight = new TempDirectory();
        using var interrupted = new TempDirectory();
        new Trainer(notes, "notes.json", options, straight.Path).Train(false, null, CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var progress = new ActionProgress<TrainingProgress>(p =>
        {
            if (p.Epoch == 2 && p.Batch == 3)
            {
                cancel.Cancel();
            }
        });
        var first = new Trainer(notes, "notes.json", options, interrupted.Path).Train(false, progress, cancel.Token);
        var second = new Trainer(notes, "notes.json", options, interrupted.Path).Train(true, null, CancellationToken.None);

        Assert.Equal(TrainingStatus.Cancelled, first.Status);
        Assert.Equal(TrainingStatus.Completed, second.Status);
        Assert.Equal(File.ReadAllBytes(straight["last.safetensors"]), File.ReadAllBytes(interrupted["last.safetensors"]));
        Assert.Equal(File.ReadAllBytes(straight["best.safetensors"]), File.ReadAllBytes(interrupted["best.safetensors"]));
        Assert.Equal(Losses(straight), Losses(interrupted));
    }

    [Fact]
    public void Resume_AfterCancelFromAnotherThreadAtAnyMoment_GivesTheUninterruptedRunsWeights()
    {
        // Ctrl+C arrives on another thread at an arbitrary moment; a timer does the same here.
        var notes = SyntheticCorpus.Create();
        var options = SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 3);
        using var straight = new TempDirectory();
        new Trainer(notes, "notes.json", options, straight.Path).Train(false, null, CancellationToken.None);

        foreach (var delay in new[] { 5, 60, 150, 300 })
        {
            using var run = new TempDirectory();
            using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay)))
            {
                new Trainer(notes, "notes.json", options, run.Path).Train(false, null, cancel.Token);
            }

            var resumed = new Trainer(notes, "notes.json", options, run.Path).Train(true, null, CancellationToken.None);

            Assert.Equal(TrainingStatus.Completed, resumed.Status);
            Assert.Equal(File.ReadAllBytes(straight["last.safetensors"]), File.ReadAllBytes(run["last.safetensors"]));
        }
    }

    [Fact]
    public void Resume_WithMoreEpochs_ContinuesLikeALongerRun()
    {
        var notes = SyntheticCorpus.Create();
        var options = SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 3);
        using var straight = new TempDirectory();
        using var extended = new TempDirectory();
        new Trainer(notes, "notes.json", options, straight.Path).Train(false, null, CancellationToken.None);

        new Trainer(notes, "notes.json", options with { Epochs = 2 }, extended.Path).Train(false, null, CancellationToken.None);
        new Trainer(notes, "notes.json", options, extended.Path).Train(true, null, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(straight["last.safetensors"]), File.ReadAllBytes(extended["last.safetensors"]));
        Assert.Equal(Losses(straight), Losses(extended));
    }

    [Fact]
    public void Resume_WithAnotherVocabulary_FailsNamingBothFiles()
    {
        using var run = new TempDirectory();
        new Trainer(SyntheticCorpus.Create(), "a.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 1), run.Path).Train(false, null, CancellationToken.None);
        var other = SyntheticCorpus.Create(vocabulary: SyntheticCorpus.EventsVocabulary("Extra"));

        var error = Assert.Throws<ModelFileException>(() => new Trainer(other, "b.json", SyntheticCorpus.TinyOptions(NetworkOptions.Lstm, epochs: 2), run.Path).Train(true, null, CancellationToken.None));

        Assert.Contains("b.json", error.Message);
        Assert.Contains("training-state.json", error.Message);
    }

    private static string[] Losses(TempDirectory run) =>
        ModelCard.Load(run["model.json"]).Epochs.Select(e => $"{e.TrainLoss:R} {e.ValidationLoss:R}").ToArray();
}
