namespace AiJukebox.Music;

/// <summary>One sounding note. Time is in beats (quarter notes), so a piece plays at any tempo.</summary>
/// <param name="Start">Onset in beats from the start of the piece.</param>
/// <param name="Duration">Length in beats (zero allowed: a tokenizer quantizes it to its smallest duration).</param>
/// <param name="Pitch">MIDI note number, 0–127.</param>
/// <param name="Velocity">MIDI velocity, 1–127.</param>
/// <param name="Channel">MIDI channel, 0–15.</param>
public readonly record struct Note(double Start, double Duration, int Pitch, int Velocity, int Channel = 0)
{
    /// <summary>The beat at which the note stops sounding.</summary>
    public double End => Start + Duration;
}
