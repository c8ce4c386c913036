namespace AiJukebox.Live;

/// <summary>Where answers (call-and-response) and solo or accompanying streams start, and what answers' lengths are counted in.</summary>
public enum PhraseAlignment
{
    /// <summary>As soon as the pause is over; lengths in beats as played.</summary>
    Off,

    /// <summary>On the next beat; whole beats.</summary>
    Beat,

    /// <summary>On the next bar line; whole bars.</summary>
    Bar,
}
