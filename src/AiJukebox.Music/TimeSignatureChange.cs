namespace AiJukebox.Music;

/// <summary>A time signature that holds from <paramref name="Beat"/> on.</summary>
/// <param name="Beat">Position in beats (quarter notes).</param>
/// <param name="Numerator">Beats in a bar.</param>
/// <param name="Denominator">Beat unit (4 = quarter note).</param>
public readonly record struct TimeSignatureChange(double Beat, int Numerator, int Denominator);
