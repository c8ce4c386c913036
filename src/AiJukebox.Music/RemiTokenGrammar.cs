namespace AiJukebox.Music;

/// <summary>
/// The remi grammar: BOS, then <c>Bar</c> (or EOS); after the first <c>Bar</c> its <c>TimeSig</c>;
/// after a later <c>Bar</c> a <c>TimeSig</c> may come. In a bar, positions strictly increase and
/// stay inside the bar's length; after <c>Position</c> a <c>Pitch</c>, after <c>Pitch</c> a
/// <c>Velocity</c>, after <c>Velocity</c> a <c>Duration</c>; after a <c>Duration</c> another
/// <c>Pitch</c> (the same onset), a later <c>Position</c>, <c>Bar</c> or EOS. After EOS only BOS
/// (the next piece). PAD is never allowed.
/// </summary>
/// <remarks>
/// A prefix cut out of the middle of a piece (a seed window) is in step after its first token,
/// except for the bar's length: until a <c>TimeSig</c> is seen it allows every position of the
/// longest bar (72 steps), and it remembers the meter across bars. The corpus primer
/// (<see cref="Generation.Primers.FromNotesFile"/>) writes the meter in force after the window's
/// first bar, so a generated continuation knows its bars from the start.
/// </remarks>
internal sealed class RemiTokenGrammar : ITokenGrammar
{
    private State _state = State.Start;
    private int _barSteps;
    private int _position = -1;

    private enum State
    {
        Start,
        AfterBos,
        NeedTimeSig,
        AfterBar,
        AfterTimeSig,
        AfterPosition,
        NeedVelocity,
        NeedDuration,
        AfterNote,
        Ended,
    }

    private int Limit => _barSteps > 0 ? _barSteps : RemiTokenizer.MaxBarSteps;

    public void Reset()
    {
        _state = State.Start;
        _barSteps = 0;
        _position = -1;
    }

    public void Accept(int token)
    {
        switch (token)
        {
            case RemiTokenizer.Pad:
                break;
            case RemiTokenizer.Bos:
                Reset();
                _state = State.AfterBos;
                break;
            case RemiTokenizer.Eos:
                _state = State.Ended;
                break;
            case RemiTokenizer.Bar:
                _state = _state == State.AfterBos ? State.NeedTimeSig : State.AfterBar;
                _position = -1;
                break;
            case < RemiTokenizer.PositionBase:
                _barSteps = RemiTokenizer.Meters[token - RemiTokenizer.TimeSigBase].BarSteps;
                _state = State.AfterTimeSig;
                break;
            case < RemiTokenizer.PitchBase:
                _position = token - RemiTokenizer.PositionBase;
                _state = State.AfterPosition;
                break;
            case < RemiTokenizer.VelocityBase:
                _state = State.NeedVelocity;
                break;
            case < RemiTokenizer.DurationBase:
                _state = State.NeedDuration;
                break;
            case var _ when token < RemiTokenizer.Size:
                _state = State.AfterNote;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the remi vocabulary.");
        }
    }

    public void FillAllowed(Span<bool> allowed)
    {
        if (allowed.Length < RemiTokenizer.Size)
        {
            throw new ArgumentException($"The span has {allowed.Length} entries; the remi vocabulary has {RemiTokenizer.Size}.", nameof(allowed));
        }

        allowed.Clear();
        var timeSigs = allowed[RemiTokenizer.TimeSigBase..RemiTokenizer.PositionBase];
        switch (_state)
        {
            case State.Start or State.Ended:
                allowed[RemiTokenizer.Bos] = true;
                break;
            case State.AfterBos:
                allowed[RemiTokenizer.Bar] = true;
                allowed[RemiTokenizer.Eos] = true;
                break;
            case State.NeedTimeSig:
                timeSigs.Fill(true);
                break;
            case State.AfterBar or State.AfterTimeSig:
                if (_state == State.AfterBar)
                {
                    timeSigs.Fill(true);
                }

                AllowBarEnd(allowed);
                AllowPositions(allowed, 0);
                break;
            case State.AfterPosition:
                allowed[RemiTokenizer.PitchBase..RemiTokenizer.VelocityBase].Fill(true);
                break;
            case State.NeedVelocity:
                allowed[RemiTokenizer.VelocityBase..RemiTokenizer.DurationBase].Fill(true);
                break;
            case State.NeedDuration:
                allowed[RemiTokenizer.DurationBase..RemiTokenizer.Size].Fill(true);
                break;
            case State.AfterNote:
                allowed[RemiTokenizer.PitchBase..RemiTokenizer.VelocityBase].Fill(true);
                AllowBarEnd(allowed);
                AllowPositions(allowed, _position + 1);
                break;
        }
    }

    private static void AllowBarEnd(Span<bool> allowed)
    {
        allowed[RemiTokenizer.Bar] = true;
        allowed[RemiTokenizer.Eos] = true;
    }

    private void AllowPositions(Span<bool> allowed, int from)
    {
        if (from < Limit)
        {
            allowed[(RemiTokenizer.PositionBase + from)..(RemiTokenizer.PositionBase + Limit)].Fill(true);
        }
    }
}
