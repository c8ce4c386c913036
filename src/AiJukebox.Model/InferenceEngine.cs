namespace AiJukebox.Model;

/// <summary>What runs a trained network's generation steps.</summary>
public enum InferenceEngine
{
    /// <summary>The managed engine where the network has one (lstm), otherwise LibTorch.</summary>
    Auto,

    /// <summary>
    /// A managed, allocation-free LSTM step over a copy of the weights: no LibTorch call and no
    /// garbage per token, so a live clock thread is never paused by collections it causes.
    /// Only for <c>lstm</c> networks.
    /// </summary>
    Managed,

    /// <summary>LibTorch, the code that trained the network (every kind).</summary>
    Torch,
}
