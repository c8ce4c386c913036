namespace AiJukebox.Live;

/// <summary>Turns a generated note into what is played: transpose, range fold, velocity scale, channel.</summary>
internal sealed class OutputMapping(LiveOptions options)
{
    public byte Channel { get; } = (byte)options.Channel;

    public byte Pitch(int pitch)
    {
        var p = pitch + options.Transpose;
        var low = options.LowestNote;
        var high = options.HighestNote;
        if (high - low >= 11)
        {
            // Octave moves keep the pitch class, so the melody stays in key.
            while (p < low)
            {
                p += 12;
            }

            while (p > high)
            {
                p -= 12;
            }
        }

        return (byte)Math.Clamp(p, low, high);
    }

    public byte Velocity(int velocity) => (byte)Math.Clamp((int)Math.Round(velocity * options.VelocityScale), 1, 127);
}
