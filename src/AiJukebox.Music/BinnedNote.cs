namespace AiJukebox.Music;

/// <summary>A note on the shared grid (<see cref="NoteBins"/>); orders by onset, pitch, velocity bin, duration bin.</summary>
/// <param name="Step">Onset in grid steps.</param>
/// <param name="Pitch">MIDI pitch, 21–108.</param>
/// <param name="VelocityBin">Velocity bin, 0–31.</param>
/// <param name="DurationBin">Index into <see cref="NoteBins.DurationSteps"/>.</param>
internal readonly record struct BinnedNote(int Step, int Pitch, int VelocityBin, int DurationBin) : IComparable<BinnedNote>
{
    public int CompareTo(BinnedNote other) =>
        (Step, Pitch, VelocityBin, DurationBin).CompareTo((other.Step, other.Pitch, other.VelocityBin, other.DurationBin));
}
