using AiJukebox.Music;

namespace AiJukebox.Model.Tests;

/// <summary>Notes files built from token sequences with a learnable pattern, until real imports are used.</summary>
internal static class SyntheticCorpus
{
    public static Vocabulary EventsVocabulary(string extra = "")
    {
        var tokens = new List<string> { "PAD", "BOS", "EOS" };
        tokens.AddRange(Enumerable.Range(1, 12).Select(n => $"Shift_{n}"));
        tokens.AddRange(Enumerable.Range(21, 88).Select(p => $"Pitch_{p}"));
        tokens.AddRange(Enumerable.Range(0, 4).Select(v => $"Velocity_{v}"));
        if (extra.Length > 0)
        {
            tokens.Add(extra);
        }

        return new Vocabulary(tokens);
    }

    /// <summary>Pieces that arpeggiate a chord from one of two roots: Pitch, Velocity, Shift, repeated.</summary>
    public static NotesFile Create(int pieces = 8, int length = 240, Vocabulary? vocabulary = null)
    {
        vocabulary ??= EventsVocabulary();
        var list = new List<NotesFilePiece>();
        int[] steps = [0, 4, 7, 12, 7, 4];
        for (var p = 0; p < pieces; p++)
        {
            var root = 48 + (5 * (p % 2));
            var tokens = new int[length];
            for (var i = 0; i < length; i++)
            {
                var note = i / 3;
                tokens[i] = (i % 3) switch
                {
                    0 => vocabulary.IdOf($"Pitch_{root + steps[note % steps.Length]}"),
                    1 => vocabulary.IdOf($"Velocity_{note % 2 + 1}"),
                    _ => vocabulary.IdOf(note % 4 == 3 ? "Shift_6" : "Shift_3"),
                };
            }

            list.Add(new NotesFilePiece($"piece-{p:D2}.mid", new string('0', 64), tokens));
        }

        return new NotesFile("events", new Dictionary<string, string> { ["stepsPerBeat"] = "12" }, vocabulary, list);
    }

    public static TrainingOptions TinyOptions(string kind, int epochs = 3) => new()
    {
        Network = new NetworkOptions(kind, EmbeddingSize: 16, HiddenSize: 32, Layers: kind == NetworkOptions.BiLstm ? 1 : 2, DenseSize: 32, Dropout: 0.1, Window: 12)
        {
            Heads = kind == NetworkOptions.Transformer ? 2 : 0,
        },
        Epochs = epochs,
        BatchSize = 8,
        LearningRate = 1e-2,
        Seed = 7,
        Patience = 0,
        Threads = 1,
        ValidationFraction = 0.25,
        Stride = kind == NetworkOptions.BiLstm ? 3 : 0,
        // Long enough that the resume tests stop and continue in the middle of the warm-up.
        WarmupSteps = kind == NetworkOptions.Transformer ? 40 : 0,
    };
}
