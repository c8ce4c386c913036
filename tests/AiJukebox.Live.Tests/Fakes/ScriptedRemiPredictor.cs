using AiJukebox.Music;

namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A "model" of 3/4 bars with a note on each beat: Bar (TimeSig_3/4 at the first), then
/// Position_0, 12, 24, each with the next pitch, velocity 98 and a half-beat duration.
/// </summary>
internal sealed class ScriptedRemiPredictor(RemiTokenizer tokenizer, int[] pitches) : ITokenPredictor
{
    private string _last = "";
    private int _position;
    private bool _metered;
    private int _next;

    public List<int> Fed { get; } = [];

    public List<string> FedTexts => [.. Fed.Select(t => tokenizer.Vocabulary[t])];

    public int VocabularySize => tokenizer.Vocabulary.Count;

    public void Reset()
    {
        _last = "";
        _metered = false;
        Fed.Clear();
    }

    public void Feed(int token)
    {
        Fed.Add(token);
        var text = tokenizer.Vocabulary[token];
        _last = text.Split('_')[0];
        if (_last == "Position")
        {
            _position = int.Parse(text[9..]);
        }
        else if (_last == "TimeSig")
        {
            _metered = true;
        }
    }

    public void Predict(Span<float> logits)
    {
        logits.Clear();
        var favoured = _last switch
        {
            "Bar" when !_metered => "TimeSig_3/4",
            "Bar" or "TimeSig" => "Position_0",
            "Position" => $"Pitch_{pitches[_next++ % pitches.Length]}",
            "Pitch" => "Velocity_98",
            "Velocity" => "Duration_6",
            "Duration" when _position < 24 => $"Position_{_position + 12}",
            _ => "Bar",
        };
        logits[tokenizer.Vocabulary.IdOf(favoured)] = 10;
    }

    public void Dispose()
    {
    }
}
