namespace AiJukebox.Music;

/// <summary>How notes are taken from a MIDI file.</summary>
/// <param name="IncludeDrums">Keep the notes on channel 10 (index 9), which General MIDI reserves for drums.</param>
/// <param name="Sustain">Let the sustain pedal (CC64) hold released notes until the pedal goes up.</param>
/// <param name="Track">Take only this track (0-based, as <c>aijukebox inspect</c> lists them); null merges all tracks.</param>
public sealed record ImportOptions(bool IncludeDrums = false, bool Sustain = true, int? Track = null)
{
    /// <summary>The defaults: no drums, sustain on, all tracks merged.</summary>
    public static ImportOptions Default { get; } = new();
}
