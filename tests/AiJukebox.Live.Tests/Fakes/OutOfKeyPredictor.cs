using AiJukebox.Music;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A "model" that would rather play out of a key: eighth notes (Shift_6, Velocity_96,
/// Duration_6) whose pitch, 55–84, is 20 times likelier (logit 3 against 0) outside
/// <see cref="Avoid"/> than inside it.
/// </summary>
internal sealed class OutOfKeyPredictor(FakeEventsTokenizer tokenizer, MusicalKey avoid) : ITokenPredictor
{
    private string _last = "";

    /// <summary>The key whose notes the model avoids (may change between calls).</summary>
    public MusicalKey Avoid { get; set; } = avoid;

    public int VocabularySize => tokenizer.Vocabulary.Count;

    public void Reset() => _last = "";

    public void Feed(int token) => _last = tokenizer.Text(token).Split('_')[0];

    public void Predict(Span<float> logits)
    {
        logits.Fill(-20);
        switch (_last)
        {
            case "Pitch":
                logits[tokenizer.Id("Velocity_96")] = 0;
                break;
            case "Velocity":
                logits[tokenizer.Id("Duration_6")] = 0;
                break;
            case "Duration":
                logits[tokenizer.Id("Shift_6")] = 0;
                break;
            default:
                for (var pitch = 55; pitch <= 84; pitch++)
                {
                    logits[tokenizer.Id($"Pitch_{pitch}")] = Avoid.Contains(pitch) ? 0 : 3;
                }

                break;
        }
    }

    public void Dispose()
    {
    }
}
