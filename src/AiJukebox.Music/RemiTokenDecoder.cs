namespace AiJukebox.Music;

/// <summary>
/// Decodes a remi stream; its position is the bar's start plus the last position, in beats.
/// Lenient with streams the grammar would not produce: the first <c>Bar</c> of a stream starts
/// bar 0 (a stream cut from a piece begins where it begins), the meter is 4/4 until a
/// <c>TimeSig</c> says otherwise, a position never moves back within a bar, a bar that an odd
/// position overran starts at that position, a duration without a pitch is ignored, a missing
/// velocity means the middle bin, PAD and EOS are skipped.
/// </summary>
internal sealed class RemiTokenDecoder : ITokenDecoder
{
    private const int NoValue = -1;

    private static readonly BarCursor Fresh = new(0, RemiTokenizer.CommonTime, -1, Started: false, NeedMeter: true);

    private BarCursor _cursor = Fresh;
    private bool _needPitch;
    private int _pitch = NoValue;
    private int _velocity = NoValue;

    public double Position => (double)_cursor.Now / RemiTokenizer.StepsPerBeat;

    public bool BetweenNotes => _pitch == NoValue && !_needPitch;

    /// <summary>The stream's place in its bar grid.</summary>
    internal BarCursor Cursor => _cursor;

    public void Reset()
    {
        _cursor = Fresh;
        _needPitch = false;
        _pitch = NoValue;
        _velocity = NoValue;
    }

    public int Feed(int token, ICollection<Note> completed)
    {
        switch (token)
        {
            case RemiTokenizer.Bos:
                Reset();
                return 0;
            case < RemiTokenizer.Bar:
                return 0;
            case RemiTokenizer.Bar:
                _cursor = _cursor.Started
                    ? _cursor with { BarStart = _cursor.NextBarStart, Position = -1 }
                    : _cursor with { Started = true, Position = -1 };
                _needPitch = false;
                _pitch = NoValue;
                return 0;
            case < RemiTokenizer.PositionBase:
                _cursor = _cursor with { Meter = token - RemiTokenizer.TimeSigBase, Started = true, NeedMeter = false };
                return 0;
            case < RemiTokenizer.PitchBase:
                var position = Math.Max(_cursor.Position, token - RemiTokenizer.PositionBase);
                _cursor = _cursor with { Position = position, Started = true, NeedMeter = false };
                _needPitch = true;
                _pitch = NoValue;
                return 0;
            case < RemiTokenizer.VelocityBase:
                _cursor = _cursor with { Started = true, NeedMeter = false };
                _needPitch = false;
                _pitch = token - RemiTokenizer.PitchBase + NoteBins.LowestPitch;
                _velocity = NoValue;
                return 0;
            case < RemiTokenizer.DurationBase:
                _velocity = NoteBins.BinVelocity(token - RemiTokenizer.VelocityBase);
                return 0;
            case var _ when token < RemiTokenizer.Size:
                if (_pitch == NoValue)
                {
                    return 0;
                }

                var duration = NoteBins.DurationSteps[token - RemiTokenizer.DurationBase];
                completed.Add(new Note(Position, (double)duration / RemiTokenizer.StepsPerBeat, _pitch, _velocity == NoValue ? NoteBins.DefaultVelocity : _velocity));
                _pitch = NoValue;
                _velocity = NoValue;
                return 1;
            default:
                throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the remi vocabulary.");
        }
    }
}
