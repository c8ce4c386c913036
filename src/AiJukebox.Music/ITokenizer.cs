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

    /// <summary>Encodes a piece (notes sorted or not) to token ids.</summary>
    int[] Encode(IReadOnlyList<Note> notes);

    /// <summary>A fresh incremental decoder.</summary>
    ITokenDecoder CreateDecoder();

    /// <summary>A fresh grammar in its start state.</summary>
    ITokenGrammar CreateGrammar();
}
