namespace AiJukebox.Music;

/// <summary>Where a remi stream is in its bar grid: what the decoder tracks and a continuation starts from.</summary>
/// <param name="BarStart">Start of the current bar in grid steps.</param>
/// <param name="Meter">Index of the current meter in <see cref="RemiTokenizer.Meters"/>.</param>
/// <param name="Position">The last position written in the current bar, or -1 for none yet.</param>
/// <param name="Started">Whether the stream has a bar (a <c>Bar</c> or anything after it); the first <c>Bar</c> starts bar 0 at the stream's start.</param>
/// <param name="NeedMeter">Whether a <c>TimeSig</c> is due (right after the first <c>Bar</c> of a piece).</param>
internal readonly record struct BarCursor(long BarStart, int Meter, int Position, bool Started, bool NeedMeter)
{
    /// <summary>The stream's time in grid steps: the bar's start plus its last position.</summary>
    public long Now => BarStart + Math.Max(Position, 0);

    /// <summary>
    /// Where the next bar starts: one bar on, or at the stream's time when an odd stream wrote a
    /// position past the bar's end (time never goes back).
    /// </summary>
    public long NextBarStart => Math.Max(BarStart + RemiTokenizer.Meters[Meter].BarSteps, Now);
}
