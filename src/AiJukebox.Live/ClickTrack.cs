namespace AiJukebox.Live;

/// <summary>
/// The clock thread's metronome: a click on every beat and on every bar line (the downbeat
/// accented), while switched on or during the count-in. Pure arithmetic on beats: no allocation,
/// no locks. Clicks more than <see cref="SkipLateBeats"/> late are skipped, not sent in a burst.
/// </summary>
internal sealed class ClickTrack(double barBeats, double countInBeats, bool on)
{
    private const double Tolerance = 1e-9;
    private const double SkipLateBeats = 0.25;

    private int _on = on ? 1 : 0;
    private double _next;
    private double _offBeat = double.NaN;
    private byte _sounding;

    /// <summary>Whether the click plays after the count-in (any thread).</summary>
    public bool On
    {
        get => Volatile.Read(ref _on) == 1;
        set => Volatile.Write(ref _on, value ? 1 : 0);
    }

    /// <summary>Beat where the count-in ends (the jukebox starts there).</summary>
    public double CountInBeats => countInBeats;

    /// <summary>True once a click has been sent (its channel needs an All Notes Off at a panic).</summary>
    public bool Used { get; private set; }

    /// <summary>The pitch sounding now, or 0.</summary>
    public byte Sounding => _sounding;

    /// <summary>Starts again from beat 0.</summary>
    public void Reset()
    {
        _next = 0;
        _offBeat = double.NaN;
        _sounding = 0;
    }

    /// <summary>Forgets the sounding click (after a panic ended it); the beats go on.</summary>
    public void Silence()
    {
        _offBeat = double.NaN;
        _sounding = 0;
    }

    /// <summary>
    /// The next thing to do at or before <paramref name="nowBeat"/>: a note-off (velocity 0) or a
    /// note-on; false when nothing is due. Call until false.
    /// </summary>
    public bool TryNext(double nowBeat, out byte pitch, out byte velocity, out double beat)
    {
        pitch = 0;
        velocity = 0;
        beat = 0;
        if (_sounding != 0 && _offBeat <= nowBeat)
        {
            pitch = _sounding;
            beat = _offBeat;
            _sounding = 0;
            _offBeat = double.NaN;
            return true;
        }

        while (_next <= nowBeat + Tolerance)
        {
            var click = _next;
            _next = After(click);
            if (!(On || click < countInBeats - Tolerance) || nowBeat - click > SkipLateBeats)
            {
                continue;
            }

            if (_sounding != 0)
            {
                // The previous click is still sounding (a very fast tempo): end it first.
                pitch = _sounding;
                beat = click;
                _sounding = 0;
                _next = click;
                return true;
            }

            var downbeat = IsBarLine(click);
            pitch = (byte)(downbeat ? Metronome.DownbeatNote : Metronome.BeatNote);
            velocity = (byte)(downbeat ? Metronome.DownbeatVelocity : Metronome.BeatVelocity);
            beat = click;
            _sounding = pitch;
            _offBeat = click + Math.Min(Metronome.ClickBeats, (_next - click) / 2);
            Used = true;
            return true;
        }

        return false;
    }

    /// <summary>The beat of the next event (note-off or click that would sound), or infinity.</summary>
    public double NextBeat()
    {
        var next = _sounding != 0 ? _offBeat : double.PositiveInfinity;
        if (On || _next < countInBeats - Tolerance)
        {
            next = Math.Min(next, _next);
        }

        return next;
    }

    private bool IsBarLine(double beat)
    {
        var bars = beat / barBeats;
        return Math.Abs(bars - Math.Round(bars)) < Tolerance;
    }

    /// <summary>The next beat or bar line after <paramref name="beat"/>.</summary>
    private double After(double beat)
    {
        var nextBeat = Math.Floor(beat + Tolerance) + 1;
        var nextBar = (Math.Floor((beat / barBeats) + Tolerance) + 1) * barBeats;
        return Math.Min(nextBeat, nextBar);
    }
}
