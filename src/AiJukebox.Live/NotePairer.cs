using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>Pairs note-on and note-off messages in beat time into <see cref="Note"/>s.</summary>
internal sealed class NotePairer
{
    private readonly double[] _start = new double[16 * 128];
    private readonly byte[] _velocity = new byte[16 * 128];

    public NotePairer() => Array.Fill(_start, double.NaN);

    /// <summary>Keys held now.</summary>
    public int Held { get; private set; }

    /// <summary>
    /// Takes one message; a note it ends (by note-off, or by the same key struck again) is
    /// written to <paramref name="completed"/>.
    /// </summary>
    /// <returns>True when a note was completed.</returns>
    public bool Handle(double beat, byte status, byte pitch, byte velocity, out Note completed)
    {
        completed = default;
        var kind = status & 0xF0;
        if (kind is not (0x80 or 0x90) || pitch > 127)
        {
            return false;
        }

        var channel = status & 0x0F;
        var slot = (channel * 128) + pitch;
        var ended = false;
        if (!double.IsNaN(_start[slot]))
        {
            completed = new Note(_start[slot], Math.Max(0, beat - _start[slot]), pitch, _velocity[slot], channel);
            _start[slot] = double.NaN;
            Held--;
            ended = true;
        }

        if (kind == 0x90 && velocity > 0)
        {
            _start[slot] = beat;
            _velocity[slot] = velocity;
            Held++;
        }

        return ended;
    }

    /// <summary>The notes still held, as if released at <paramref name="beat"/> (state unchanged).</summary>
    public IEnumerable<Note> Open(double beat)
    {
        for (var slot = 0; slot < _start.Length; slot++)
        {
            if (!double.IsNaN(_start[slot]))
            {
                yield return new Note(_start[slot], Math.Max(0, beat - _start[slot]), slot % 128, _velocity[slot], slot / 128);
            }
        }
    }
}
