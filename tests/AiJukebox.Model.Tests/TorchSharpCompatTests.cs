using TorchSharp;

namespace AiJukebox.Model.Tests;

public sealed class TorchSharpCompatTests
{
    [Fact]
    public void OutputCopy_Loads_AndRunsATensorOp()
    {
        // Fails with DllNotFoundException (GLIBCXX_3.4.32) on Debian 12 unless the build's
        // compatibility step patched the output copy of libLibTorchSharp.so.
        using var a = torch.ones(2, 3);
        using var b = torch.full(3, 2, 2f);
        using var product = a.matmul(b);
        Assert.Equal(24f, product.sum().item<float>());
    }
}
