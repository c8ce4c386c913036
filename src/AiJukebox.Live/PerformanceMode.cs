namespace AiJukebox.Live;

/// <summary>How the jukebox plays with the player.</summary>
public enum PerformanceMode
{
    /// <summary>Plays on its own, seeded from a primer.</summary>
    Solo,

    /// <summary>Listens; when the player pauses, answers by continuing their phrase, then listens again.</summary>
    CallResponse,

    /// <summary>Plays continuously while the player's notes are fed into its context.</summary>
    Accompany,
}
