namespace AiJukebox.Live;

/// <summary>Which notes are sounding on which channel, so a panic can turn exactly those off.</summary>
internal sealed class SoundingNotes
{
    private readonly byte[] _counts = new byte[16 * 128];
    private int _sounding;

    /// <summary>Channels (bit per channel) that have carried a note since creation.</summary>
    public int UsedChannels { get; private set; }

    public int Sounding => _sounding;

    /// <summary>Tracks a note message (note-on with velocity 0 is a note-off); other messages are ignored.</summary>
    public void Track(byte status, byte pitch, byte velocity)
    {
        var kind = status & 0xF0;
        var channel = status & 0x0F;
        if (kind is not (0x80 or 0x90))
        {
            return;
        }

        UsedChannels |= 1 << channel;
        ref var count = ref _counts[(channel * 128) + (pitch & 0x7F)];
        if (kind == 0x90 && velocity > 0)
        {
            if (count < byte.MaxValue)
            {
                count++;
                _sounding++;
            }
        }
        else if (count > 0)
        {
            // One note-off ends the note however often it was struck (what synths do).
            _sounding -= count;
            count = 0;
        }
    }

    public bool IsSounding(int channel, int pitch) => _counts[(channel * 128) + pitch] > 0;

    /// <summary>
    /// Finds a sounding note, if any, without forgetting it: a panic sends its note-off, then
    /// tracks that note-off, so a send that fails leaves the note for the next try.
    /// </summary>
    public bool TryFindSounding(out int channel, out int pitch)
    {
        if (_sounding > 0)
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                if (_counts[i] > 0)
                {
                    channel = i / 128;
                    pitch = i % 128;
                    return true;
                }
            }
        }

        channel = 0;
        pitch = 0;
        return false;
    }

    public void MarkChannelUsed(int channel) => UsedChannels |= 1 << channel;
}
