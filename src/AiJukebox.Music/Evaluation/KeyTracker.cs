namespace AiJukebox.Music.Evaluation;

/// <summary>
/// A running key estimate for live play: Krumhansl–Schmuckler (the best-correlating
/// <see cref="Tonality"/> profile) over a pitch-class histogram in which each note counts its
/// duration in beats and older notes fade (the weights halve every <see cref="HalfLifeBeats"/>),
/// with hysteresis so the estimate does not flicker. Allocates nothing; not thread-safe.
/// </summary>
/// <remarks>
/// The first key is taken once the notes heard weigh <see cref="MinimumWeightBeats"/> (after
/// fading); from then on the estimate moves to another key only when that same key has
/// correlated better than the current one, by more than <see cref="SwitchMargin"/>, at
/// <see cref="ConfirmNotes"/> notes in a row.
/// </remarks>
public sealed class KeyTracker
{
    private readonly double[] _histogram = new double[12];
    private double _lastBeat = double.NegativeInfinity;
    private MusicalKey? _candidate;
    private int _streak;

    /// <summary>Creates a tracker that knows no key yet.</summary>
    /// <param name="halfLifeBeats">Beats after which a note counts half as much.</param>
    /// <param name="switchMargin">How much better (in correlation) another key must fit before the estimate moves to it.</param>
    /// <param name="minimumWeightBeats">Total (faded) note duration before a first key is named.</param>
    /// <param name="confirmNotes">Notes in a row at which another key must fit better before the estimate moves.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is not positive (the margin: negative or 2 and more).</exception>
    public KeyTracker(double halfLifeBeats = 4, double switchMargin = 0, double minimumWeightBeats = 4, int confirmNotes = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(confirmNotes);
        ConfirmNotes = confirmNotes;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeBeats);
        ArgumentOutOfRangeException.ThrowIfNegative(switchMargin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(switchMargin, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumWeightBeats);
        HalfLifeBeats = halfLifeBeats;
        SwitchMargin = switchMargin;
        MinimumWeightBeats = minimumWeightBeats;
    }

    /// <summary>Beats after which a note counts half as much.</summary>
    public double HalfLifeBeats { get; }

    /// <summary>How much better another key must correlate before the estimate moves.</summary>
    public double SwitchMargin { get; }

    /// <summary>Notes in a row at which another key must fit better before the estimate moves to it.</summary>
    public int ConfirmNotes { get; }

    /// <summary>Total faded note duration, in beats, before a first key is named.</summary>
    public double MinimumWeightBeats { get; }

    /// <summary>The estimate, or null before enough has been heard.</summary>
    public MusicalKey? Key { get; private set; }

    /// <summary>The estimate's correlation at the last note, or 0 without one.</summary>
    public double Correlation { get; private set; }

    /// <summary>How many times the estimate has moved to another key (the first key not counted).</summary>
    public int Changes { get; private set; }

    /// <summary>Total duration of the notes heard, faded to <paramref name="beat"/>.</summary>
    public double WeightAt(double beat)
    {
        var total = 0.0;
        foreach (var weight in _histogram)
        {
            total += weight;
        }

        return total * Fade(beat);
    }

    /// <summary>Forgets every note and the estimate.</summary>
    public void Reset()
    {
        Array.Clear(_histogram);
        _lastBeat = double.NegativeInfinity;
        Key = null;
        Correlation = 0;
        Changes = 0;
        _candidate = null;
        _streak = 0;
    }

    /// <summary>
    /// Hears a note that ended at <paramref name="beat"/> (notes should come in time order; an
    /// earlier one counts as if at the latest beat) and updates the estimate.
    /// </summary>
    /// <returns>True when the estimate changed (including the first key).</returns>
    public bool Add(int pitch, double durationBeats, double beat)
    {
        if (!double.IsFinite(beat) || !double.IsFinite(durationBeats) || durationBeats <= 0)
        {
            return false;
        }

        var fade = Fade(beat);
        if (fade < 1)
        {
            for (var pc = 0; pc < 12; pc++)
            {
                _histogram[pc] *= fade;
            }
        }

        _lastBeat = Math.Max(_lastBeat, beat);
        _histogram[((pitch % 12) + 12) % 12] += durationBeats;
        return Update();
    }

    private bool Update()
    {
        if (Tonality.BestKey(_histogram) is not { } best)
        {
            return false;
        }

        if (Key is not { } current)
        {
            if (WeightAt(_lastBeat) < MinimumWeightBeats)
            {
                return false;
            }

            Key = best.Key;
            Correlation = best.Correlation;
            return true;
        }

        var fit = Tonality.Correlation(_histogram, current) ?? double.NegativeInfinity;
        if (best.Key == current || best.Correlation - fit <= SwitchMargin)
        {
            _candidate = null;
            _streak = 0;
            Correlation = fit;
            return false;
        }

        _streak = _candidate == best.Key ? _streak + 1 : 1;
        _candidate = best.Key;
        if (_streak < ConfirmNotes)
        {
            Correlation = fit;
            return false;
        }

        Key = best.Key;
        Correlation = best.Correlation;
        Changes++;
        _candidate = null;
        _streak = 0;
        return true;
    }

    private double Fade(double beat) =>
        double.IsNegativeInfinity(_lastBeat) || beat <= _lastBeat ? 1 : Math.Pow(0.5, (beat - _lastBeat) / HalfLifeBeats);
}
