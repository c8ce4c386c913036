using AiJukebox.Music;
using AiJukebox.Music.Realtime;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live;

/// <summary>
/// Composes ahead of the playhead: generates tokens, decodes them to notes and queues their
/// note-on/off messages, in beat order, for the clock thread. A stream's positions map to
/// performance beats through an offset fixed when the stream begins (<see cref="BeginAt"/>);
/// an optional end beat bounds an answer. Runs on the generator thread only.
/// </summary>
internal sealed class LookaheadGenerator
{
    // Room kept free in the ring for the note-offs a single token can release.
    private const int RingReserve = 256;

    private TokenGenerator _tokens;
    private ITokenDecoder _decoder;
    private readonly OutputMapping _mapping;
    private readonly SpscRing<ScheduledMessage> _ring;
    private readonly List<Note> _completed = new(32);
    private readonly double[] _offBeat = new double[128];
    private readonly double[] _onBeat = new double[128];
    private double _offset;
    private double _begin = double.NegativeInfinity;
    private double _end = double.PositiveInfinity;
    private double _lastBeat = double.NegativeInfinity;

    public LookaheadGenerator(TokenGenerator tokens, ITokenDecoder decoder, OutputMapping mapping, SpscRing<ScheduledMessage> ring)
    {
        _tokens = tokens;
        _decoder = decoder;
        _mapping = mapping;
        _ring = ring;
        Array.Fill(_offBeat, double.NaN);
    }

    /// <summary>The performance beat up to which the stream is composed (no later note can start before it).</summary>
    public double Frontier => _decoder.Position + _offset;

    /// <summary>Where the stream is, in its own beats (what the next note's place is counted from).</summary>
    public double StreamPosition => _decoder.Position;

    /// <summary>True when the stream has reached its end beat.</summary>
    public bool Finished => Frontier >= _end;

    /// <summary>End beat of the current stream (infinity when open-ended).</summary>
    public double End => _end;

    /// <summary>Tokens generated so far.</summary>
    public long TokensGenerated { get; private set; }

    /// <summary>Notes queued so far.</summary>
    public long NotesQueued { get; private set; }

    /// <summary>
    /// Notes left out because the ring was full. Their note-on is never sent; a note-off that
    /// finds the ring full is kept and sent later, so no note ever hangs.
    /// </summary>
    public long NotesDropped { get; private set; }

    /// <summary>
    /// Another model from here on (a model switched while playing): its generator and decoder
    /// replace the current ones; what is queued stays. Follow with <see cref="Restart"/>.
    /// </summary>
    public void Replace(TokenGenerator tokens, ITokenDecoder decoder)
    {
        _tokens = tokens;
        _decoder = decoder;
    }

    /// <summary>Forgets all context and feeds <paramref name="primer"/> (its notes are not played).</summary>
    public void Restart(ReadOnlySpan<int> primer)
    {
        _tokens.Reset();
        _decoder.Reset();
        ForgetPendingNotes();
        FeedTokens(primer);
    }

    /// <summary>
    /// Maps the stream so that <paramref name="streamPosition"/> (default: where it is now) plays at
    /// <paramref name="beat"/>; notes before <paramref name="beat"/> or at/after <paramref name="end"/> are not played.
    /// </summary>
    public void BeginAt(double beat, double end = double.PositiveInfinity, double? streamPosition = null)
    {
        _offset = beat - (streamPosition ?? _decoder.Position);
        _begin = beat;
        _end = end;
    }

    /// <summary>Ends the current stream at <paramref name="beat"/>: later notes are not played, held ones end there.</summary>
    public void EndAt(double beat) => _end = Math.Min(_end, beat);

    /// <summary>
    /// Forgets note-offs not yet queued (after the clock thread flushed the queue and silenced
    /// the notes itself).
    /// </summary>
    public void ForgetPendingNotes()
    {
        Array.Fill(_offBeat, double.NaN);
        _lastBeat = double.NegativeInfinity;
    }

    /// <summary>True when context tokens can go in without splitting a note's tokens.</summary>
    public bool AtBoundary => _decoder.BetweenNotes;

    /// <summary>
    /// Feeds the player's notes into the context as a continuation of the stream where it is now
    /// (<see cref="ITokenizer.AppendContinuation"/>: notes before its position are placed at it,
    /// bars follow the stream's grid); call at a boundary. <paramref name="scratch"/> is cleared and
    /// receives the tokens fed.
    /// </summary>
    public void FeedNotes(ITokenizer tokenizer, IReadOnlyList<Note> notes, List<int> scratch)
    {
        scratch.Clear();
        tokenizer.AppendContinuation(notes, _decoder, scratch);
        FeedContext(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
    }

    /// <summary>
    /// Feeds notes given in performance beats into the context at their own places (a loop's kept
    /// bar, which the model hears as if it had played it); the mapping to the performance stays.
    /// Call at a boundary; notes before the stream's position are placed at it.
    /// </summary>
    public void HearNotes(ITokenizer tokenizer, IReadOnlyList<Note> notes, List<Note> streamNotes, List<int> scratch)
    {
        streamNotes.Clear();
        foreach (var note in notes)
        {
            streamNotes.Add(note with { Start = note.Start - _offset });
        }

        scratch.Clear();
        tokenizer.AppendContinuation(streamNotes, _decoder, scratch);
        FeedTokens(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
    }

    /// <summary>
    /// Generates until the stream is composed up to <paramref name="untilBeat"/> (at most
    /// <paramref name="maxTokens"/> tokens) without queuing anything: the notes, in performance
    /// beats and the model's pitches, go to <paramref name="into"/> (a loop's re-generated bar).
    /// The stream's end beat does not apply.
    /// </summary>
    /// <returns>False when <paramref name="maxTokens"/> ran out first.</returns>
    public bool Compose(double untilBeat, int maxTokens, List<Note> into)
    {
        var generated = 0;
        while (Frontier < untilBeat)
        {
            if (generated == maxTokens)
            {
                TokensGenerated += generated;
                return false;
            }

            var token = _tokens.Next();
            generated++;
            _completed.Clear();
            _decoder.Feed(token, _completed);
            foreach (var note in _completed)
            {
                into.Add(note with { Start = note.Start + _offset });
            }
        }

        _completed.Clear();
        TokensGenerated += generated;
        return true;
    }

    /// <summary>Feeds tokens that were not generated into the context; call at a boundary.</summary>
    public void FeedContext(ReadOnlySpan<int> tokens)
    {
        var before = _decoder.Position;
        FeedTokens(tokens);
        // Context must not move the performance: what was composed stays where it is.
        _offset -= _decoder.Position - before;
    }

    /// <summary>
    /// Generates until the stream is composed up to <paramref name="untilBeat"/> (or its end), at
    /// most <paramref name="maxTokens"/> tokens, or until the ring is nearly full.
    /// </summary>
    /// <returns>Tokens generated.</returns>
    public int Fill(double untilBeat, int maxTokens)
    {
        var generated = 0;
        while (generated < maxTokens && Frontier < untilBeat && !Finished && _ring.Free > RingReserve)
        {
            var token = _tokens.Next();
            generated++;
            _completed.Clear();
            _decoder.Feed(token, _completed);
            foreach (var note in _completed)
            {
                Queue(note);
            }

            ReleaseUntil(Math.Min(Frontier, _end));
        }

        if (Finished)
        {
            ReleaseUntil(double.PositiveInfinity);
        }

        TokensGenerated += generated;
        return generated;
    }

    /// <summary>
    /// Queues a note given in performance beats (a loop's repeat), after what is queued; call
    /// with notes in start order. Note-offs due by its start are released first.
    /// </summary>
    public void QueueAt(Note note)
    {
        var offset = _offset;
        var begin = _begin;
        var end = _end;
        _offset = 0;
        _begin = double.NegativeInfinity;
        _end = double.PositiveInfinity;
        Queue(note);
        _offset = offset;
        _begin = begin;
        _end = end;
    }

    /// <summary>Queues the note-offs due by <paramref name="beat"/>.</summary>
    public void ReleaseThrough(double beat) => ReleaseUntil(beat);

    /// <summary>Room left in the ring for loop notes (each needs a note-on and a note-off).</summary>
    public bool HasRoom => _ring.Free > RingReserve;

    /// <summary>Called with every note queued from the stream (performance beats), for loops.</summary>
    public Action<Note>? Queued { get; set; }

    /// <summary>Context: the model and the decoder take the tokens in; their notes are not played.</summary>
    private void FeedTokens(ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
        {
            _tokens.Feed(token);
            _completed.Clear();
            _decoder.Feed(token, _completed);
        }

        _completed.Clear();
    }

    private void Queue(Note note)
    {
        // The queue is played in order, so nothing may be placed before what is already queued.
        var start = Math.Max(note.Start + _offset, _lastBeat);
        if (start >= _end || note.Start + _offset < _begin)
        {
            return;
        }

        var end = Math.Min(note.End + _offset, _end);
        var pitch = _mapping.Pitch(note.Pitch);
        ReleaseUntil(start);
        if (!double.IsNaN(_offBeat[pitch]) && _onBeat[pitch] == start)
        {
            // The same key twice at once (a repeated or folded pitch) is one note: the longer.
            _offBeat[pitch] = Math.Max(_offBeat[pitch], end);
            return;
        }

        if (!double.IsNaN(_offBeat[pitch]))
        {
            // The same key struck again while sounding: end the old note first.
            if (!Write(start, 0x80, pitch, 0))
            {
                NotesDropped++;
                return;
            }

            _offBeat[pitch] = double.NaN;
        }

        if (!Write(start, 0x90, pitch, _mapping.Velocity(note.Velocity)))
        {
            NotesDropped++;
            return;
        }

        _onBeat[pitch] = start;
        _offBeat[pitch] = Math.Max(end, start);
        NotesQueued++;
        Queued?.Invoke(new Note(start, Math.Max(end, start) - start, note.Pitch, note.Velocity));
    }

    private void ReleaseUntil(double beat)
    {
        while (true)
        {
            var pitch = -1;
            for (var p = 0; p < _offBeat.Length; p++)
            {
                if (_offBeat[p] <= beat && (pitch < 0 || _offBeat[p] < _offBeat[pitch]))
                {
                    pitch = p;
                }
            }

            if (pitch < 0)
            {
                return;
            }

            if (!Write(_offBeat[pitch], 0x80, (byte)pitch, 0))
            {
                // Kept pending: the next release (every Fill, and the stop path) tries again.
                return;
            }

            _offBeat[pitch] = double.NaN;
        }
    }

    /// <summary>Queues one message; false when the ring is full (the reserve makes that rare, never silent).</summary>
    private bool Write(double beat, int kind, byte pitch, byte velocity)
    {
        if (!_ring.TryWrite(new ScheduledMessage(beat, (byte)(kind | _mapping.Channel), pitch, velocity)))
        {
            return false;
        }

        _lastBeat = Math.Max(_lastBeat, beat);
        return true;
    }
}
