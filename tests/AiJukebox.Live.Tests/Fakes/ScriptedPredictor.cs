using AiJukebox.Music;

namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A deterministic "model": after a note it shifts by <c>shiftSteps</c>, then plays the next
/// pitch of <c>pitches</c> with velocity 96 and <c>durationSteps</c>. It favours one token by a
/// wide margin, so with temperature 0 the stream is exactly that. Records the context it was fed.
/// </summary>
internal sealed class ScriptedPredictor(FakeEventsTokenizer tokenizer, int[] pitches, int shiftSteps = 6, int durationSteps = 6) : ITokenPredictor
{
    private string _last = "";
    private int _next;

    public List<int> Fed { get; } = [];

    public int Predictions { get; private set; }

    /// <summary>Throw from <see cref="Predict"/> once this many predictions were made (null: never).</summary>
    public int? FailAfter { get; set; }

    /// <summary>When set, shift by 6 steps only after every this many notes (chords of that many notes); otherwise after each.</summary>
    public int? ShiftEvery { get; set; }

    /// <summary>Favour EOS over everything between notes.</summary>
    public bool WantsToEnd { get; set; }

    public int VocabularySize => tokenizer.Vocabulary.Count;

    public List<string> FedTexts => Fed.Select(tokenizer.Text).ToList();

    public void Reset()
    {
        _last = "";
        Fed.Clear();
    }

    public void Feed(int token)
    {
        Fed.Add(token);
        _last = tokenizer.Text(token).Split('_')[0];
    }

    public void Predict(Span<float> logits)
    {
        if (Predictions >= FailAfter)
        {
            throw new InvalidOperationException("model exploded");
        }

        Predictions++;
        logits.Clear();
        var favoured = _last switch
        {
            "Pitch" => "Velocity_96",
            "Velocity" => $"Duration_{durationSteps}",
            "Duration" when ShiftEvery is { } every => _next % every == 0 ? "Shift_6" : $"Pitch_{pitches[_next++ % pitches.Length]}",
            "Duration" => $"Shift_{shiftSteps}",
            _ => $"Pitch_{pitches[_next++ % pitches.Length]}",
        };
        logits[tokenizer.Id(favoured)] = 10;
        if (WantsToEnd && _last is "Duration")
        {
            logits[tokenizer.Id("EOS")] = 20;
        }
    }

    public void Dispose()
    {
    }
}
