namespace AiJukebox.Music;

/// <summary>Turns a token stream back into notes, one token at a time (for live play and offline generation).</summary>
public interface ITokenDecoder
{
    /// <summary>Current time position of the stream in beats (advanced by time tokens).</summary>
    double Position { get; }

    /// <summary>
    /// True when the stream is between notes: the tokens of a new note (a continuation, see
    /// <see cref="ITokenizer.AppendContinuation"/>) may come next without splitting anything.
    /// </summary>
    bool BetweenNotes { get; }

    /// <summary>Back to the start of a stream at beat 0.</summary>
    void Reset();

    /// <summary>Consumes one token and appends every note it completes to <paramref name="completed"/>.</summary>
    /// <returns>The number of notes appended.</returns>
    int Feed(int token, ICollection<Note> completed);
}
