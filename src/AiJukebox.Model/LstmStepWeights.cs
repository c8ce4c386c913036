using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>
/// An <see cref="LstmNetwork"/>'s weights rearranged for one-token steps. Layer 0's input
/// projection of every token is precomputed (embedding → W_ih·e + both biases), which removes
/// a third of the arithmetic per step; each higher layer's input and recurrent matrices are
/// joined so one pass over [h_below; h_own] computes its gates. Gate order is PyTorch's: i, f, g, o.
/// </summary>
internal sealed class LstmStepWeights
{
    private LstmStepWeights(int vocabulary, int hidden, int layers)
    {
        Vocabulary = vocabulary;
        Hidden = hidden;
        Layers = layers;
    }

    public int Vocabulary { get; }

    public int Hidden { get; }

    public int Layers { get; }

    /// <summary>[V, 4H]: layer 0's input gates for each token, biases included.</summary>
    public float[] TokenGates { get; private init; } = [];

    /// <summary>[4H, H]: layer 0's recurrent matrix.</summary>
    public float[] Recurrent0 { get; private init; } = [];

    /// <summary>Per layer k ≥ 1, [4H, 2H]: W_ih and W_hh side by side.</summary>
    public float[][] Joined { get; private init; } = [];

    /// <summary>Per layer k ≥ 1, [4H]: b_ih + b_hh.</summary>
    public float[][] JoinedBias { get; private init; } = [];

    /// <summary>[V, H].</summary>
    public float[] Head { get; private init; } = [];

    /// <summary>[V].</summary>
    public float[] HeadBias { get; private init; } = [];

    /// <summary>Copies the weights out of the network (which keeps its own).</summary>
    public static LstmStepWeights From(LstmNetwork network)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var state = network.state_dict();
        float[] Read(string name) => state[name].detach().contiguous().to(ScalarType.Float32).data<float>().ToArray();

        var hidden = network.Options.HiddenSize;
        var layers = network.Options.Layers;
        var vocabulary = network.VocabularySize;
        var gates = 4 * hidden;

        // The per-token table is computed by LibTorch once, so it matches training exactly.
        var embedding = state["embedding.weight"];
        var tokenGates = embedding.matmul(state["lstm.weight_ih_l0"].t()) + state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"];

        var joined = new float[layers - 1][];
        var joinedBias = new float[layers - 1][];
        for (var layer = 1; layer < layers; layer++)
        {
            var input = Read($"lstm.weight_ih_l{layer}");
            var recurrent = Read($"lstm.weight_hh_l{layer}");
            var both = new float[gates * 2 * hidden];
            for (var row = 0; row < gates; row++)
            {
                input.AsSpan(row * hidden, hidden).CopyTo(both.AsSpan(row * 2 * hidden));
                recurrent.AsSpan(row * hidden, hidden).CopyTo(both.AsSpan((row * 2 * hidden) + hidden));
            }

            joined[layer - 1] = both;
            var bias = Read($"lstm.bias_ih_l{layer}");
            var bias2 = Read($"lstm.bias_hh_l{layer}");
            for (var i = 0; i < gates; i++)
            {
                bias[i] += bias2[i];
            }

            joinedBias[layer - 1] = bias;
        }

        return new LstmStepWeights(vocabulary, hidden, layers)
        {
            TokenGates = tokenGates.contiguous().data<float>().ToArray(),
            Recurrent0 = Read("lstm.weight_hh_l0"),
            Joined = joined,
            JoinedBias = joinedBias,
            Head = Read("head.weight"),
            HeadBias = Read("head.bias"),
        };
    }
}
