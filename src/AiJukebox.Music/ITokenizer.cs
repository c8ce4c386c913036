namespace AiJukebox.Music;

/// <summary>Converts between notes and token ids.</summary>
public interface ITokenizer
{
    /// <summary>The tokenizer's name as written in the notes file ("events", "chords").</summary>
    string Name { get; }

    /// <summary>The settings that, with the name and vocabulary, recreate this tokenizer.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The token texts, index = id.</summary>
    Vocabulary Vocabulary { get; }

    /// <summary>Encodes a piece (notes sorted or not) to token ids, in 4/4 where the tokenizer counts bars.</summary>
    int[] Encode(IReadOnlyList<Note> notes);

    /// <summary>
    /// Encodes a piece with its time signatures (a MIDI file's; 4/4 before the first and when
    /// there is none). Tokenizers without bars ignore them.
    /// </summary>
    int[] Encode(IReadOnlyList<Note> notes, IReadOnlyList<TimeSignatureChange> timeSignatures);

    /// <summary>
    /// Appends the tokens of <paramref name="notes"/> (no BOS/EOS) as a continuation of the
    /// stream that <paramref name="stream"/> has decoded so far: what live input feeds a model.
    /// Notes are in the stream's beats; those before its <see cref="ITokenDecoder.Position"/> are
    /// placed at it. Bars, where the tokenizer has them, continue the stream's bar grid. Call when
    /// the stream is <see cref="ITokenDecoder.BetweenNotes"/>; <paramref name="stream"/> is not changed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not a decoder of this tokenizer.</exception>
    void AppendContinuation(IReadOnlyList<Note> notes, ITokenDecoder stream, List<int> tokens);

    /// <summary>A fresh incremental decoder.</summary>
    ITokenDecoder CreateDecoder();

    /// <summary>A fresh grammar in its start state.</summary>
    ITokenGrammar CreateGrammar();
}
