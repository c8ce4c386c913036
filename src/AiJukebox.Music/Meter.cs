namespace AiJukebox.Music;

/// <summary>A time signature of the remi vocabulary.</summary>
/// <param name="Numerator">Beat units in a bar.</param>
/// <param name="Denominator">The beat unit (4 = quarter note).</param>
internal readonly record struct Meter(int Numerator, int Denominator)
{
    /// <summary>Length of a bar in grid steps (a beat, a quarter note, is <see cref="NoteBins.StepsPerBeat"/>).</summary>
    public int BarSteps => Numerator * 4 * NoteBins.StepsPerBeat / Denominator;

    /// <summary>The token text, <c>TimeSig_6/8</c>.</summary>
    public string Token => $"TimeSig_{Numerator}/{Denominator}";
}
