namespace AiJukebox.Live;

/// <summary>What a <see cref="LiveEvent"/> reports.</summary>
internal enum LiveEventKind : byte
{
    /// <summary>A message from the player (echoed or not).</summary>
    Player,

    /// <summary>A message the jukebox sent (notes, and the note-offs of a flush or panic).</summary>
    Sent,

    /// <summary>The tempo changed at <see cref="LiveEvent.Beat"/>.</summary>
    Tempo,

    /// <summary>A metronome click (note-on or note-off on channel 10).</summary>
    Click,
}
