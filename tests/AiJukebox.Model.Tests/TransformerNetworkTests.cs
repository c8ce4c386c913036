using static TorchSharp.torch;

namespace AiJukebox.Model.Tests;

public sealed class TransformerNetworkTests
{
    [Fact]
    public void TrainingSteps_LeaveNoTensorBehind()
    {
        manual_seed(2);
        using var network = new TransformerNetwork(new NetworkOptions(NetworkOptions.Transformer, 16, 32, 2, 0, 0.1, 12) { Heads = 2 }, 30);
        using var optimizer = optim.AdamW(network.parameters(), 1e-3);
        var random = new Random(3);
        void Step()
        {
            using var scope = NewDisposeScope();
            network.train();
            optimizer.zero_grad();
            var windows = tensor(Enumerable.Range(0, 4 * 13).Select(_ => (long)random.Next(30)).ToArray(), [4, 13]);
            network.Loss(windows).backward();
            optimizer.step();
        }

        for (var i = 0; i < 5; i++)
        {
            Step();
        }

        CollectGarbage();
        var before = Tensor.TotalCount;
        for (var i = 0; i < 50; i++)
        {
            Step();
        }

        CollectGarbage();
        Assert.Equal(before, Tensor.TotalCount);
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
