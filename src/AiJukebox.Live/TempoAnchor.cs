namespace AiJukebox.Live;

/// <summary>
/// Beat ↔ clock-tick conversion at one tempo from an anchor point. A tempo change re-bases the
/// anchor at the moment of the change, so beats already played keep their times and every
/// later beat moves at the new tempo.
/// </summary>
internal readonly record struct TempoAnchor(long AnchorTicks, double AnchorBeat, double Bpm, long Frequency)
{
    public double BeatAt(long ticks) => AnchorBeat + ((ticks - AnchorTicks) * Bpm / (60.0 * Frequency));

    public long TicksAt(double beat) => AnchorTicks + (long)Math.Round((beat - AnchorBeat) * 60.0 * Frequency / Bpm);

    public TempoAnchor Rebase(long nowTicks, double bpm) => new(nowTicks, BeatAt(nowTicks), bpm, Frequency);
}
