namespace AiJukebox.Music.Generation;

/// <summary>Where the context that a generation continues comes from.</summary>
public static class Primers
{
    /// <summary>
    /// A random window of the corpus (the original project's behaviour): a piece chosen with
    /// probability proportional to its length, then a window of up to <paramref name="length"/>
    /// tokens that starts and ends on note boundaries, so the continuation starts cleanly.
    /// </summary>
    /// <exception cref="ArgumentException">The notes file has no tokens.</exception>
    public static int[] FromNotesFile(NotesFile notes, ITokenizer tokenizer, int length, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var total = notes.TokenCount;
        if (total == 0)
        {
            throw new ArgumentException("The notes file has no tokens to take a primer from.", nameof(notes));
        }

        var random = new Sampling.SplitMix64(seed);
        var pick = (long)(random.NextDouble() * total);
        var piece = notes.Pieces[0].Tokens;
        foreach (var candidate in notes.Pieces)
        {
            if (pick < candidate.Tokens.Length)
            {
                piece = candidate.Tokens;
                break;
            }

            pick -= candidate.Tokens.Length;
        }

        var start = piece.Length <= length ? 0 : (int)(random.NextDouble() * (piece.Length - length + 1));
        return OnNoteBoundaries(piece, start, Math.Min(start + length, piece.Length), tokenizer);
    }

    /// <summary>The notes of a MIDI file (all tracks merged), encoded with the model's tokenizer, without the end token.</summary>
    /// <exception cref="MidiImportException">The file cannot be read.</exception>
    public static int[] FromMidiFile(string path, ITokenizer tokenizer, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var file = MidiFileImporter.Read(path, options ?? ImportOptions.Default);
        var notes = file.Pieces.SelectMany(p => p.Notes).ToArray();
        var meters = file.Pieces.Count > 0 ? file.Pieces[0].TimeSignatures : [];
        if (notes.Length == 0)
        {
            throw new MidiImportException($"{path}: the primer has no notes (drums on channel 10 are left out).");
        }

        return ControlTokens.ForContext(tokenizer.Encode(notes, meters), tokenizer.Vocabulary, keepBegin: true);
    }

    /// <summary>The smallest context a model can start from: BOS, or a rest when the vocabulary has no BOS.</summary>
    /// <exception cref="ArgumentException">The vocabulary has neither.</exception>
    public static int[] Empty(ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var begin = tokenizer.Vocabulary.IdOf(ControlTokens.Begin);
        if (begin < 0)
        {
            begin = tokenizer.Vocabulary.IdOf(ChordsTokenizer.Rest);
        }

        return begin >= 0 ? [begin] : throw new ArgumentException("This vocabulary has no start or rest token: give a primer.", nameof(tokenizer));
    }

    /// <summary>Trims <c>piece[first..last]</c> so it starts where a note may start and ends after a complete note.</summary>
    private static int[] OnNoteBoundaries(int[] piece, int first, int last, ITokenizer tokenizer)
    {
        var grammar = tokenizer.CreateGrammar();
        var allowed = new bool[tokenizer.Vocabulary.Count];
        var control = ControlTokens.Ids(tokenizer.Vocabulary);

        // A token is a boundary when a grammar that has just seen a complete note would accept
        // it: the window starts on one and the token after the window (if any) is one.
        var boundary = BoundarySet(grammar, allowed, control, tokenizer);
        while (first < last && !boundary[piece[first]])
        {
            first++;
        }

        while (last > first && last < piece.Length && !boundary[piece[last]])
        {
            last--;
        }

        var trimmed = piece[first..last];
        if (tokenizer is RemiTokenizer)
        {
            trimmed = RemiTokenizer.WithMeterInForce(piece, first, trimmed);
        }

        return trimmed.Length > 0 ? trimmed : Empty(tokenizer);
    }

    private static bool[] BoundarySet(ITokenGrammar grammar, bool[] allowed, int[] control, ITokenizer tokenizer)
    {
        grammar.Reset();
        var begin = tokenizer.Vocabulary.IdOf(ControlTokens.Begin);
        if (begin >= 0)
        {
            grammar.Accept(begin);
        }

        grammar.FillAllowed(allowed);
        foreach (var id in control)
        {
            allowed[id] = false;
        }

        return allowed;
    }
}
