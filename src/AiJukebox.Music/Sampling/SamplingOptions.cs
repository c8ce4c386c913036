using System.Text.Json.Serialization;

using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Sampling;

/// <summary>
/// How a <see cref="TokenSampler"/> turns logits into a token. Immutable; to change a setting
/// while playing, swap in a copy made with <c>with</c> (one reference write, so a reader on
/// another thread sees either the old or the new options, never a mix).
/// </summary>
public sealed record SamplingOptions
{
    private readonly double _temperature = 1.0;
    private readonly int _topK;
    private readonly double _topP = 1.0;
    private readonly double _repetitionPenalty = 1.0;
    private readonly int _repetitionWindow = 32;
    private readonly double _keyStrength = 1.0;
    private readonly int _passingToneSpacing = 24;

    /// <summary>The defaults: temperature 1, no top-k, no top-p, no repetition penalty, no key.</summary>
    public static SamplingOptions Default { get; } = new();

    /// <summary>
    /// Divides the logits before the softmax: below 1 sharper, above 1 flatter; 0 always picks
    /// the most likely allowed token.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public double Temperature
    {
        get => _temperature;
        init => _temperature = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Temperature), value, "Temperature must be a finite number of 0 or more (0 = always the most likely token).");
    }

    /// <summary>Keeps only the <c>k</c> most likely allowed tokens; 0 keeps all.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int TopK
    {
        get => _topK;
        init => _topK = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TopK), value, "Top-k must be 0 (off) or a positive number of tokens.");
    }

    /// <summary>
    /// Nucleus sampling: keeps the smallest set of most likely tokens whose probabilities add up
    /// to at least this; 1 keeps all.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 1].</exception>
    public double TopP
    {
        get => _topP;
        init => _topP = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TopP), value, "Top-p must be in (0, 1] (1 = off).");
    }

    /// <summary>
    /// Makes tokens seen in the last <see cref="RepetitionWindow"/> tokens less likely (positive
    /// logits divided by it, negative ones multiplied, as in CTRL); 1 is off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, NaN or infinite.</exception>
    public double RepetitionPenalty
    {
        get => _repetitionPenalty;
        init => _repetitionPenalty = double.IsFinite(value) && value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RepetitionPenalty), value, "Repetition penalty must be a finite number of 1 (off) or more.");
    }

    /// <summary>How many recent tokens the repetition penalty looks at (at most the sampler's capacity).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int RepetitionWindow
    {
        get => _repetitionWindow;
        init => _repetitionWindow = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RepetitionWindow), value, "Repetition window must be 0 or a positive number of tokens.");
    }

    /// <summary>
    /// The key the sampler keeps to, or null for none. Pitch tokens (see <see cref="TokenPitches"/>)
    /// that sound a pitch class outside the key are down-weighted by <see cref="KeyStrength"/>,
    /// except for chromatic passing tones (<see cref="PassingToneSpacing"/>). Set live by the
    /// performer (its own <c>key</c> setting), so it is not read from configuration files.
    /// </summary>
    [JsonIgnore]
    public MusicalKey? Key { get; init; }

    /// <summary>
    /// How strongly <see cref="Key"/> holds, 0–1: an out-of-key pitch token's logit gets
    /// <c>ln(1 − strength)</c> added (at temperature 1 its odds are multiplied by 1 − strength);
    /// 1 removes such tokens (unless the grammar allows nothing else), 0 is off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1].</exception>
    public double KeyStrength
    {
        get => _keyStrength;
        init => _keyStrength = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(KeyStrength), value, "Key strength must be in [0, 1] (0 = off, 1 = out-of-key notes never played).");
    }

    /// <summary>
    /// Chromatic passing tones under <see cref="Key"/>: an out-of-key single pitch is not
    /// down-weighted when the pitch before it was in the key and a semitone away, the pitch a
    /// semitone further on in the same direction is in the key, and the sampler has drawn at least
    /// this many pitches since the last passing tone (or since it was reset; context fed to it does
    /// not count); the next pitch must then be that resolution (other pitches are down-weighted as
    /// out-of-key ones are). 0 allows none; the default 24 lets at most one drawn note in 25 leave the key.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int PassingToneSpacing
    {
        get => _passingToneSpacing;
        init => _passingToneSpacing = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PassingToneSpacing), value, "Passing-tone spacing must be 0 (none) or a positive number of notes.");
    }
}
