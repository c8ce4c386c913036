namespace AiJukebox.Music;

/// <summary>
/// The events grammar: BOS first; then Shift, Pitch or EOS; after a Pitch a Velocity, after a
/// Velocity a Duration; after EOS only BOS (the next piece). PAD is never allowed.
/// </summary>
/// <remarks>
/// The state after a token depends on that token alone, so a prefix cut out of the middle of a
/// piece (a seed window) brings the grammar into step after its first token.
/// </remarks>
internal sealed class EventsTokenGrammar : ITokenGrammar
{
    private State _state = State.Start;

    private enum State
    {
        Start,
        Free,
        NeedVelocity,
        NeedDuration,
        Ended,
    }

    public void Reset() => _state = State.Start;

    public void Accept(int token)
    {
        _state = token switch
        {
            EventsTokenizer.Pad => _state,
            EventsTokenizer.Bos => State.Free,
            EventsTokenizer.Eos => State.Ended,
            < EventsTokenizer.ShiftBase => _state,
            < EventsTokenizer.PitchBase => State.Free,
            < EventsTokenizer.VelocityBase => State.NeedVelocity,
            < EventsTokenizer.DurationBase => State.NeedDuration,
            _ when token < EventsTokenizer.DurationBase + NoteBins.DurationSteps.Length => State.Free,
            _ => throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the events vocabulary."),
        };
    }

    public void FillAllowed(Span<bool> allowed)
    {
        var size = EventsTokenizer.DurationBase + NoteBins.DurationSteps.Length;
        if (allowed.Length < size)
        {
            throw new ArgumentException($"The span has {allowed.Length} entries; the events vocabulary has {size}.", nameof(allowed));
        }

        allowed.Clear();
        switch (_state)
        {
            case State.Start or State.Ended:
                allowed[EventsTokenizer.Bos] = true;
                break;
            case State.Free:
                allowed[EventsTokenizer.Eos] = true;
                allowed[EventsTokenizer.ShiftBase..EventsTokenizer.VelocityBase].Fill(true);
                break;
            case State.NeedVelocity:
                allowed[EventsTokenizer.VelocityBase..EventsTokenizer.DurationBase].Fill(true);
                break;
            case State.NeedDuration:
                allowed[EventsTokenizer.DurationBase..size].Fill(true);
                break;
        }
    }
}
