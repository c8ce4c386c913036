namespace AiJukebox.Music;

/// <summary>Decodes chords symbols: each symbol is one half beat; its notes last that half beat.</summary>
internal sealed class ChordsTokenDecoder(int[][] pitchesById) : ITokenDecoder
{
    private long _step;

    public double Position => (double)_step / ChordsTokenizer.StepsPerBeat;

    public bool BetweenNotes => true;

    public void Reset() => _step = 0;

    public int Feed(int token, ICollection<Note> completed)
    {
        if ((uint)token >= (uint)pitchesById.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token id {token} is outside the chords vocabulary of {pitchesById.Length}.");
        }

        var start = Position;
        foreach (var pitch in pitchesById[token])
        {
            completed.Add(new Note(start, 1.0 / ChordsTokenizer.StepsPerBeat, pitch, ChordsTokenizer.DecodedVelocity));
        }

        _step++;
        return pitchesById[token].Length;
    }
}
