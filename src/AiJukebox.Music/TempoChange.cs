namespace AiJukebox.Music;

/// <summary>A tempo that holds from <paramref name="Beat"/> on.</summary>
/// <param name="Beat">Position in beats (quarter notes).</param>
/// <param name="Bpm">Quarter notes per minute.</param>
public readonly record struct TempoChange(double Beat, double Bpm);
