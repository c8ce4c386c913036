using AiJukebox.Music;

using static TorchSharp.torch;

namespace AiJukebox.Model;

/// <summary>The split corpus as windows, and the batches cut from them.</summary>
internal sealed class TrainingData
{
    private readonly TransposeAugmenter? _augmenter;

    public TrainingData(NotesFile notes, TrainingOptions options)
    {
        if (options.AugmentTranspose > 0 && notes.Tokenizer is not (EventsTokenizer.TokenizerName or RemiTokenizer.TokenizerName))
        {
            throw new ArgumentException($"--augment-transpose needs the events or remi tokenizer (Pitch_p tokens); this notes file uses '{notes.Tokenizer}'. Leave it at 0.");
        }

        Split = CorpusSplit.Create(notes.Pieces.Count, options.ValidationFraction, options.Seed);
        var length = options.Network.Window + 1;
        var stride = options.EffectiveStride;
        Train = new WindowSet(Split.TrainPieces.Select(i => notes.Pieces[i].Tokens), length, stride);
        // Validation windows never overlap: for bilstm (stride 1 in training) that keeps an epoch's
        // evaluation cheap while still covering every validation piece.
        Validation = new WindowSet(Split.ValidationPieces.Select(i => notes.Pieces[i].Tokens), length, options.Network.Window);
        if (Train.Count == 0 || Validation.Count == 0)
        {
            throw new ArgumentException($"No {(Train.Count == 0 ? "training" : "validation")} piece is at least {length} tokens long; use a smaller --seq-len or more pieces.");
        }

        if (options.AugmentTranspose > 0)
        {
            _augmenter = new TransposeAugmenter(notes.Vocabulary, options.AugmentTranspose);
        }
    }

    public CorpusSplit Split { get; }

    public WindowSet Train { get; }

    public WindowSet Validation { get; }

    /// <summary>A batch [count, Window + 1] of windows <paramref name="order"/>[start..]; augmented when training.</summary>
    public Tensor Batch(WindowSet set, ReadOnlySpan<int> order, Random? random)
    {
        var length = set.Length;
        var values = new long[order.Length * length];
        for (var i = 0; i < order.Length; i++)
        {
            var window = set.Window(order[i]);
            var destination = values.AsSpan(i * length, length);
            if (_augmenter is not null && random is not null)
            {
                _augmenter.Apply(window, destination, random);
            }
            else
            {
                for (var j = 0; j < length; j++)
                {
                    destination[j] = window[j];
                }
            }
        }

        return tensor(values, [order.Length, length]);
    }
}
