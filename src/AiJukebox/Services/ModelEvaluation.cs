using AiJukebox.Configuration;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Evaluation;
using AiJukebox.Music.Generation;

namespace AiJukebox.Services;

/// <summary>
/// Runs <c>aijukebox evaluate</c>: the model's validation split (recreated from its card exactly
/// as training made it), perplexities, sampled takes primed from validation pieces, their
/// statistics beside the validation pieces' own, and the key-following test.
/// </summary>
internal static class ModelEvaluation
{
    /// <summary>Evaluates <paramref name="loaded"/>, reporting each stage to <paramref name="progress"/>.</summary>
    /// <exception cref="ModelFileException">The card does not describe this notes file (another corpus: the split would not be the model's).</exception>
    /// <exception cref="ArgumentException">The validation pieces are too short for a window, or an option is out of range.</exception>
    public static EvaluationReport Run(LoadedModel loaded, ModelCard card, EvaluationRequest request, Action<string> progress, CancellationToken cancel)
    {
        var notes = loaded.Notes;
        // The weights' vocabulary was checked on loading; the split is only the model's if the
        // pieces are the ones it was split from, which the card's counts vouch for.
        if (card.Corpus.Pieces != notes.Pieces.Count || card.Corpus.Tokens != notes.TokenCount)
        {
            throw new ModelFileException($"The model card says the model was trained on {card.Corpus.Pieces} pieces ({card.Corpus.Tokens} tokens) of {card.Corpus.NotesFile}, but {loaded.NotesPath} has {notes.Pieces.Count} ({notes.TokenCount}); evaluate with the notes file the model was trained with, or the validation pieces would not be the model's.");
        }

        // The same call, with the same fraction and seed, that TrainingData made: the same split.
        var split = CorpusSplit.Create(notes.Pieces.Count, card.Training.ValidationFraction, card.Training.Seed);
        var validation = split.ValidationPieces.Select(i => notes.Pieces[i].Tokens).ToArray();
        var tokenizer = loaded.Tokenizer;

        progress($"decoding the {validation.Length} validation pieces (never trained on)");
        var corpus = SetStatistics.Of([.. validation.Select(t => Decode(tokenizer, t))]);

        progress("validation perplexity of the network");
        var perplexity = loaded.Model.Perplexity(validation);
        progress($"fitting the trigram baseline on the {split.TrainPieces.Count} training pieces");
        var ngram = NGramBaseline.Fit(split.TrainPieces.Select(i => notes.Pieces[i].Tokens), notes.Vocabulary.Count);
        var baseline = ngram.Score(validation, loaded.Model);

        // Primers come from validation pieces only: a notes file holding just those.
        var validationNotes = new NotesFile(notes.Tokenizer, notes.Settings, notes.Vocabulary, [.. split.ValidationPieces.Select(i => notes.Pieces[i])]);
        SetStatistics modelTakes;
        KeyFollowingResult modelKeys;
        using (var predictor = loaded.Model.CreatePredictor(request.Engine))
        {
            modelTakes = Takes("model", predictor, tokenizer, validationNotes, request, progress, cancel);
            modelKeys = KeyTest("model", predictor, tokenizer, request, progress, cancel);
        }

        SetStatistics? baselineTakes = null;
        KeyFollowingResult? baselineKeys = null;
        if (request.Baseline)
        {
            using var predictor = ngram.CreatePredictor(baseline);
            baselineTakes = Takes("baseline", predictor, tokenizer, validationNotes, request, progress, cancel);
            baselineKeys = KeyTest("baseline", predictor, tokenizer, request, progress, cancel);
        }

        return new EvaluationReport(loaded.DisplayName, loaded.Model.Network, tokenizer.Name, request, split.ValidationPieces, perplexity, card.ValidationPerplexity, baseline, card.Baseline, corpus, modelTakes, baselineTakes, modelKeys, baselineKeys);
    }

    /// <summary>The notes of a token stream, decoded as generation decodes (so the quantization is the same).</summary>
    public static IReadOnlyList<Note> Decode(ITokenizer tokenizer, IReadOnlyList<int> tokens)
    {
        var decoder = tokenizer.CreateDecoder();
        var notes = new List<Note>(tokens.Count / 2);
        foreach (var token in tokens)
        {
            decoder.Feed(token, notes);
        }

        return notes;
    }

    private static SetStatistics Takes(string who, ITokenPredictor predictor, ITokenizer tokenizer, NotesFile validation, EvaluationRequest request, Action<string> progress, CancellationToken cancel)
    {
        var takes = new List<IReadOnlyList<Note>>(request.Takes);
        for (var i = 0; i < request.Takes && !cancel.IsCancellationRequested; i++)
        {
            var seed = request.Seed + (ulong)i;
            progress($"{who}: take {i + 1}/{request.Takes} ({request.Tokens} tokens, seed {seed})");
            var primer = Primers.FromNotesFile(validation, tokenizer, request.PrimerLength, seed);
            var result = OfflineGenerator.Generate(predictor, tokenizer, new GenerationRequest(primer, request.Sampling, seed, request.Tokens, null), cancellation: cancel);
            takes.Add(result.Notes);
        }

        return SetStatistics.Of(takes);
    }

    private static KeyFollowingResult KeyTest(string who, ITokenPredictor predictor, ITokenizer tokenizer, EvaluationRequest request, Action<string> progress, CancellationToken cancel)
    {
        progress($"{who}: key-following test, {KeyFollowing.Melodies.Count / 2} melodies in each of the 24 keys, {request.KeyBeats:0.#} beats each");
        // A token cap so a model that never advances time cannot run forever: far more than
        // any tokenizer needs per beat (events: four tokens a note).
        var maxTokens = (int)Math.Min(int.MaxValue, Math.Ceiling(request.KeyBeats * 256));
        var scores = new List<KeyFollowingResult.KeyScore>(MusicalKey.All.Count);
        for (var k = 0; k < MusicalKey.All.Count && !cancel.IsCancellationRequested; k++)
        {
            var key = MusicalKey.All[k];
            int notes = 0, inKey = 0, m = 0;
            foreach (var (_, melody) in KeyFollowing.PrimersFor(key))
            {
                var primer = ControlTokens.ForContext(tokenizer.Encode(melody), tokenizer.Vocabulary, keepBegin: true);
                var seed = request.Seed + EvaluationRequest.KeySeedOffset + (ulong)((k * KeyFollowing.Melodies.Count) + m++);
                var result = OfflineGenerator.Generate(predictor, tokenizer, new GenerationRequest(primer, request.Sampling, seed, maxTokens, request.KeyBeats), cancellation: cancel);
                notes += result.Notes.Count;
                inKey += KeyFollowing.InKey(result.Notes, key);
            }

            scores.Add(new KeyFollowingResult.KeyScore(key, notes, inKey));
        }

        return new KeyFollowingResult(scores);
    }
}
