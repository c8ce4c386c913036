namespace AiJukebox.Music;

/// <summary>Creates tokenizers by name: from a notes file, or for a new import.</summary>
public static class TokenizerFactory
{
    /// <summary>The tokenizer names, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [EventsTokenizer.TokenizerName, ChordsTokenizer.TokenizerName, RemiTokenizer.TokenizerName];

    /// <summary>The tokenizer a notes file was written with.</summary>
    /// <exception cref="NotesFileException">The file names an unknown tokenizer or has settings or a vocabulary it does not accept.</exception>
    public static ITokenizer FromNotesFile(NotesFile notes)
    {
        try
        {
            return Create(notes.Tokenizer, notes.Settings, notes.Vocabulary);
        }
        catch (ArgumentException e)
        {
            throw new NotesFileException($"The notes file's tokenizer cannot be used: {e.Message} Re-create the file with 'aijukebox import'.", e);
        }
    }

    /// <summary>Creates a tokenizer by name.</summary>
    /// <param name="name">"events", "chords" or "remi".</param>
    /// <param name="settings">The tokenizer's settings (as in a notes file); missing keys take their defaults.</param>
    /// <param name="vocabulary">Required for "chords" (its vocabulary comes from the corpus); for "events" and "remi", checked against the fixed one when given.</param>
    /// <exception cref="ArgumentException">Unknown name, unsupported setting, or an unsuitable vocabulary.</exception>
    public static ITokenizer Create(string name, IReadOnlyDictionary<string, string> settings, Vocabulary? vocabulary = null)
    {
        switch (name)
        {
            case EventsTokenizer.TokenizerName:
                var events = EventsTokenizer.FromSettings(settings);
                if (vocabulary is not null && vocabulary.Hash != events.Vocabulary.Hash)
                {
                    throw new ArgumentException("The vocabulary is not the events tokenizer's fixed vocabulary (hash mismatch).", nameof(vocabulary));
                }

                return events;
            case RemiTokenizer.TokenizerName:
                var remi = RemiTokenizer.FromSettings(settings);
                if (vocabulary is not null && vocabulary.Hash != remi.Vocabulary.Hash)
                {
                    throw new ArgumentException("The vocabulary is not the remi tokenizer's fixed vocabulary (hash mismatch).", nameof(vocabulary));
                }

                return remi;
            case ChordsTokenizer.TokenizerName:
                if (vocabulary is null)
                {
                    throw new ArgumentException("The chords tokenizer needs its corpus vocabulary (take it from the notes file).", nameof(vocabulary));
                }

                return ChordsTokenizer.FromSettings(settings, vocabulary);
            default:
                throw new ArgumentException($"Unknown tokenizer '{name}' (known: {string.Join(", ", Names)}).", nameof(name));
        }
    }
}
