using TorchSharp;
using TorchSharp.Modules;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// One pre-norm decoder block: x + attention(norm(x)), then x + feed-forward(norm(x)), with
/// causal multi-head self-attention over rotary-turned queries and keys and a SiLU feed-forward
/// (SiLU rather than GELU: the managed step computes it exactly, there is no erf in .NET).
/// </summary>
internal sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    // Field names are the checkpoint's tensor names: renaming one breaks saved weights.
    private readonly LayerNorm attentionNorm;
    private readonly Linear qkv;
    private readonly Linear projection;
    private readonly LayerNorm feedForwardNorm;
    private readonly Linear up;
    private readonly Linear down;
    private readonly Dropout dropout;
    private readonly int _heads;

    public TransformerBlock(int width, int heads, int feedForward, double dropoutRate)
        : base("block")
    {
        _heads = heads;
        attentionNorm = nn.LayerNorm(width);
        qkv = nn.Linear(width, 3 * width);
        projection = nn.Linear(width, width);
        feedForwardNorm = nn.LayerNorm(width);
        up = nn.Linear(width, feedForward);
        down = nn.Linear(feedForward, width);
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    /// <summary>Not used: a block needs the rotary tables; call <see cref="Forward"/>.</summary>
    public override Tensor forward(Tensor input) => throw new NotSupportedException("Call Forward(x, cos, sin).");

    /// <summary>One block's output [B, T, W].</summary>
    /// <param name="x">The residual stream [B, T, W].</param>
    /// <param name="cos">Rotary cosines [T, D] (each half repeated).</param>
    /// <param name="sin">Rotary sines [T, D] (each half repeated).</param>
    /// <param name="mask">Null for plain causal attention, else a boolean [T, T] mask of the keys each query may see.</param>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var batch = x.shape[0];
        var length = x.shape[1];
        var width = x.shape[2];
        var headSize = width / _heads;

        var normed = attentionNorm.call(x);
        var projected = qkv.call(normed).view(batch, length, 3, _heads, headSize).permute(2, 0, 3, 1, 4);
        var query = Turn(projected[0], cos, sin);
        var key = Turn(projected[1], cos, sin);
        var value = projected[2];
        var attended = nn.functional.scaled_dot_product_attention(query, key, value, mask, 0, mask is null)
            .transpose(1, 2).reshape(batch, length, width);
        var afterAttention = x + dropout.call(projection.call(attended));

        var hidden = nn.functional.silu(up.call(feedForwardNorm.call(afterAttention)));
        var result = afterAttention + dropout.call(down.call(hidden));
        return result.MoveToOuterDisposeScope();
    }

    internal static Tensor Turn(Tensor heads, Tensor cos, Tensor sin)
    {
        var half = heads.shape[^1] / 2;
        var rotated = cat([-heads.narrow(-1, half, half), heads.narrow(-1, 0, half)], -1);
        return (heads * cos) + (rotated * sin);
    }
}
