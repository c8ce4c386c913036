using AiJukebox.Music;

namespace AiJukebox.Music.Tests.Sampling;

/// <summary>A predictor that always predicts the same logits and records what it was fed.</summary>
internal sealed class FixedPredictor(float[] logits) : ITokenPredictor
{
    public List<int> Fed { get; } = [];

    public int Resets { get; private set; }

    public int VocabularySize => logits.Length;

    public void Reset()
    {
        Resets++;
        Fed.Clear();
    }

    public void Feed(int token) => Fed.Add(token);

    public void Predict(Span<float> destination) => logits.CopyTo(destination);

    public void Dispose()
    {
    }
}
