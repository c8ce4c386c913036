namespace AiJukebox.Model.Tests;

public sealed class TrainingPresetTests
{
    [Fact]
    public void Names_AreTheShippedPresets()
    {
        Assert.Equal(["default", "seed", "small", "transformer"], TrainingPreset.Names);
    }

    [Fact]
    public void Seed_IsTheOriginalsNetwork()
    {
        var seed = TrainingPreset.Load("seed");

        Assert.Equal(new NetworkOptions(NetworkOptions.BiLstm, 64, 512, 1, 512, 0.5, 100), seed.Network);
        Assert.Equal("rmsprop", seed.Optimizer);
        Assert.Equal(1e-3, seed.LearningRate);
        Assert.Equal(1, seed.EffectiveStride);
    }

    [Fact]
    public void Transformer_HasHeadsAndAWarmUp()
    {
        var preset = TrainingPreset.Load("transformer");

        Assert.Equal(NetworkOptions.Transformer, preset.Network.Kind);
        Assert.Equal(4, preset.Network.Heads);
        Assert.Equal(400, preset.WarmupSteps);
        Assert.Equal("adamw", preset.Optimizer);
        Assert.Equal(preset.Network.Window, preset.EffectiveStride);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("small")]
    [InlineData("seed")]
    [InlineData("transformer")]
    public void EveryPreset_IsValid(string name)
    {
        TrainingPreset.Load(name).Validate();
    }

    [Fact]
    public void Load_UnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPreset.Load("huge"));
        Assert.Contains("default, seed, small, transformer", error.Message);
    }

    [Fact]
    public void Formatter_BatchAndEpochLines()
    {
        var batch = TrainingProgressFormatter.Format(new TrainingProgress(3, 30, 120, 688, 21400, 1.83421, TimeSpan.FromSeconds(2470)));
        var epoch = TrainingProgressFormatter.Format(new TrainingProgress(3, 30, 688, 688, 21400, 1.83421, TimeSpan.Zero, 2.0));

        Assert.Equal("epoch 3/30  batch 120/688  loss 1.8342  21,400 tok/s  ETA 41:10", batch);
        Assert.Equal("epoch 3/30 done  loss 1.8342  val 2.0000 (perplexity 7.39)  21,400 tok/s", epoch);
    }
}
