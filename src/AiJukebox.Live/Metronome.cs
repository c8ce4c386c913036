namespace AiJukebox.Live;

/// <summary>
/// The click's sounds: General MIDI percussion on channel 10 (index 9), a high wood block (76) on
/// every downbeat, a low wood block (77) on the other beats, each an eighth of a beat long. Wood
/// blocks are short and sit clear of a piano's register and of a drum kit's kick, snare and hats.
/// </summary>
public static class Metronome
{
    /// <summary>Channel index 9: General MIDI channel 10, percussion.</summary>
    public const int Channel = 9;

    /// <summary>The downbeat's note: GM Hi Wood Block.</summary>
    public const int DownbeatNote = 76;

    /// <summary>The other beats' note: GM Low Wood Block.</summary>
    public const int BeatNote = 77;

    /// <summary>Velocity of the downbeat (the accent).</summary>
    public const int DownbeatVelocity = 120;

    /// <summary>Velocity of the other beats.</summary>
    public const int BeatVelocity = 80;

    /// <summary>Length of a click in beats.</summary>
    public const double ClickBeats = 0.125;

    /// <summary>Track name of the click in the take.</summary>
    public const string TrackName = "Metronome";
}
