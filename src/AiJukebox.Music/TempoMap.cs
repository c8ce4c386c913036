namespace AiJukebox.Music;

/// <summary>Converts beats to seconds through a list of tempo changes.</summary>
public sealed class TempoMap
{
    /// <summary>The tempo when a file has none.</summary>
    public const double DefaultBpm = 120;

    private readonly TempoChange[] _changes;
    private readonly double[] _secondsAt;

    /// <summary>Creates a map; changes need not be sorted; an empty list means 120 BPM throughout.</summary>
    /// <exception cref="ArgumentException">A tempo is not a positive finite number.</exception>
    public TempoMap(IEnumerable<TempoChange> changes)
    {
        var sorted = changes.OrderBy(c => c.Beat).ToList();
        foreach (var change in sorted)
        {
            if (!double.IsFinite(change.Bpm) || change.Bpm <= 0)
            {
                throw new ArgumentException($"Tempo {change.Bpm} BPM at beat {change.Beat} is not a positive number.", nameof(changes));
            }
        }

        if (sorted.Count == 0 || sorted[0].Beat > 0)
        {
            sorted.Insert(0, new TempoChange(0, sorted.Count == 0 ? DefaultBpm : sorted[0].Bpm));
        }

        _changes = sorted.ToArray();
        _secondsAt = new double[_changes.Length];
        for (var i = 1; i < _changes.Length; i++)
        {
            _secondsAt[i] = _secondsAt[i - 1] + ((_changes[i].Beat - _changes[i - 1].Beat) * 60 / _changes[i - 1].Bpm);
        }
    }

    /// <summary>The tempo changes, sorted, the first at beat 0.</summary>
    public IReadOnlyList<TempoChange> Changes => _changes;

    /// <summary>Seconds from beat 0 to <paramref name="beat"/>.</summary>
    public double ToSeconds(double beat)
    {
        var i = _changes.Length - 1;
        while (i > 0 && _changes[i].Beat > beat)
        {
            i--;
        }

        return _secondsAt[i] + ((beat - _changes[i].Beat) * 60 / _changes[i].Bpm);
    }

    /// <summary>The beat <paramref name="seconds"/> from the start falls on (the inverse of <see cref="ToSeconds"/>).</summary>
    public double ToBeats(double seconds)
    {
        var i = _changes.Length - 1;
        while (i > 0 && _secondsAt[i] > seconds)
        {
            i--;
        }

        return _changes[i].Beat + ((seconds - _secondsAt[i]) * _changes[i].Bpm / 60);
    }
}
