namespace AiJukebox.Music;

/// <summary>
/// Decodes an events stream. Lenient with streams the grammar would not produce: a duration
/// without a pitch is ignored, a missing velocity means the middle bin, PAD is skipped.
/// </summary>
internal sealed class EventsTokenDecoder : ITokenDecoder
{
    private const int NoValue = -1;

    private long _step;
    private int _pitch = NoValue;
    private int _velocity = NoValue;

    public double Position => (double)_step / EventsTokenizer.StepsPerBeat;

    public bool BetweenNotes => _pitch == NoValue;

    public void Reset()
    {
        _step = 0;
        _pitch = NoValue;
        _velocity = NoValue;
    }

    public int Feed(int token, ICollection<Note> completed)
    {
        switch (token)
        {
            case EventsTokenizer.Bos:
                Reset();
                return 0;
            case < EventsTokenizer.ShiftBase:
                return 0;
            case < EventsTokenizer.PitchBase:
                _step += token - EventsTokenizer.ShiftBase + 1;
                return 0;
            case < EventsTokenizer.VelocityBase:
                _pitch = token - EventsTokenizer.PitchBase + EventsTokenizer.LowestPitch;
                _velocity = NoValue;
                return 0;
            case < EventsTokenizer.DurationBase:
                _velocity = NoteBins.BinVelocity(token - EventsTokenizer.VelocityBase);
                return 0;
            case var _ when token < EventsTokenizer.DurationBase + NoteBins.DurationSteps.Length:
                if (_pitch == NoValue)
                {
                    return 0;
                }

                var duration = NoteBins.DurationSteps[token - EventsTokenizer.DurationBase];
                var velocity = _velocity == NoValue ? NoteBins.DefaultVelocity : _velocity;
                completed.Add(new Note(Position, (double)duration / EventsTokenizer.StepsPerBeat, _pitch, velocity));
                _pitch = NoValue;
                _velocity = NoValue;
                return 1;
            default:
                throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the events vocabulary.");
        }
    }
}
