namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The overlap Σ min(p, q) of two sets' normalised histograms, per feature: 1 for identical
/// distributions, 0 for disjoint ones (Yang and Lerch 2018 compare the same features by the
/// overlap of their distributions). NaN where either set has no data for that feature.
/// </summary>
/// <param name="Pitch">Pitch, one bin per semitone 21–108.</param>
/// <param name="PitchClass">The 12 pitch classes.</param>
/// <param name="InterOnset">Time between consecutive distinct onsets.</param>
/// <param name="Duration">Note durations.</param>
/// <param name="Velocity">16 velocity bins of 8.</param>
public sealed record HistogramOverlaps(double Pitch, double PitchClass, double InterOnset, double Duration, double Velocity);
