namespace AiJukebox.Music;

/// <summary>Turns a token stream back into notes, one token at a time (for live play and offline generation).</summary>
public interface ITokenDecoder
{
    /// <summary>Current time position of the stream in beats (advanced by time tokens).</summary>
    double Position { get; }

    /// <summary>Back to the start of a stream at beat 0.</summary>
    void Reset();

    /// <summary>Consumes one token and appends every note it completes to <paramref name="completed"/>.</summary>
    /// <returns>The number of notes appended.</returns>
    int Feed(int token, ICollection<Note> completed);
}
