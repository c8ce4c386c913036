using System.Diagnostics;

using AiJukebox.Music.Sampling;

namespace AiJukebox.Music.Generation;

/// <summary>
/// Generates a continuation as fast as the model allows (no clock): the original project's
/// "weights to MIDI" step. Live play uses the same predictor, grammar and sampler through its
/// own lookahead generator.
/// </summary>
public static class OfflineGenerator
{
    /// <summary>Feeds the primer, then samples tokens until a limit of <paramref name="request"/> is reached.</summary>
    /// <param name="predictor">The model; it is reset first.</param>
    /// <param name="tokenizer">The tokenizer the model was trained with.</param>
    /// <param name="request">Primer, sampling settings, seed and limits.</param>
    /// <param name="progress">Called with the number of tokens generated so far, every 256 tokens.</param>
    /// <param name="cancellation">Stops early; what was generated so far is returned.</param>
    /// <exception cref="ArgumentException">The request has no limit, or the model and tokenizer disagree on the vocabulary.</exception>
    public static GenerationResult Generate(
        ITokenPredictor predictor,
        ITokenizer tokenizer,
        GenerationRequest request,
        Action<int>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (predictor.VocabularySize != tokenizer.Vocabulary.Count)
        {
            throw new ArgumentException($"The model predicts {predictor.VocabularySize} tokens but the tokenizer has {tokenizer.Vocabulary.Count}; use the notes file the model was trained with.");
        }

        var grammar = new StreamGrammar(tokenizer.CreateGrammar(), tokenizer.Vocabulary);
        var generator = new TokenGenerator(predictor, grammar, new TokenSampler(predictor.VocabularySize, request.Sampling, request.Seed, pitches: TokenPitches.Of(tokenizer.Vocabulary)));
        var decoder = tokenizer.CreateDecoder();
        var discarded = new List<Note>();
        generator.Reset();
        foreach (var token in request.Primer)
        {
            generator.Feed(token);
            decoder.Feed(token, discarded);
        }

        var origin = decoder.Position;
        var notes = new List<Note>();
        var tokens = new List<int>(request.MaxTokens ?? 1024);
        var ticks = new List<long>(request.MaxTokens ?? 1024);
        var end = 0.0;
        while (!cancellation.IsCancellationRequested && (request.MaxTokens is not { } max || tokens.Count < max))
        {
            var started = Stopwatch.GetTimestamp();
            var token = generator.Next();
            ticks.Add(Stopwatch.GetTimestamp() - started);
            tokens.Add(token);
            var before = notes.Count;
            decoder.Feed(token, notes);
            for (var i = before; i < notes.Count; i++)
            {
                notes[i] = notes[i] with { Start = notes[i].Start - origin };
                end = Math.Max(end, notes[i].End);
            }

            end = Math.Max(end, decoder.Position - origin);
            if (request.MaxBeats is { } beats && decoder.Position - origin >= beats)
            {
                break;
            }

            if (tokens.Count % 256 == 0)
            {
                progress?.Invoke(tokens.Count);
            }
        }

        if (request.MaxBeats is { } limit)
        {
            // A note sampled just before the limit keeps its length; only onsets past it are dropped.
            notes.RemoveAll(n => n.Start >= limit);
        }

        notes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pitch != b.Pitch ? a.Pitch.CompareTo(b.Pitch) : b.Duration.CompareTo(a.Duration));
        return new GenerationResult([.. tokens], OneNotePerKeyAndOnset(notes), end, [.. ticks]);
    }

    /// <summary>
    /// The model may strike one key twice at one onset; a MIDI file (and a synth) can only
    /// sound it once, so the longest of such notes is kept. <paramref name="sorted"/> is
    /// ordered by onset, pitch, then longest first.
    /// </summary>
    private static List<Note> OneNotePerKeyAndOnset(List<Note> sorted)
    {
        var kept = new List<Note>(sorted.Count);
        foreach (var note in sorted)
        {
            if (kept.Count == 0 || kept[^1].Start != note.Start || kept[^1].Pitch != note.Pitch)
            {
                kept.Add(note);
            }
        }

        return kept;
    }
}
