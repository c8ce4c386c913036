using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live;

/// <summary>A snapshot of a running performance, for status lines and the UI.</summary>
/// <param name="Mode">Current mode.</param>
/// <param name="Playing">Whether the jukebox is playing (or listening, in call-and-response).</param>
/// <param name="Bpm">Tempo in force.</param>
/// <param name="Temperature">Sampling temperature in force.</param>
/// <param name="Beat">Playhead in beats.</param>
/// <param name="NotesPlayed">Notes the jukebox has played.</param>
/// <param name="PlayerNotes">Notes the player has played.</param>
/// <param name="CallsAnswered">Call-and-response: calls answered.</param>
/// <param name="CallsIgnored">Call-and-response: calls too short to answer.</param>
/// <param name="HeadroomBeats">How far the composed music reaches past the playhead (0 when not composing).</param>
/// <param name="LateMessages">Messages sent more than a millisecond late.</param>
/// <param name="LatenessP99Milliseconds">99th percentile of the clock thread's lateness.</param>
/// <param name="MaxLatenessMilliseconds">Worst lateness.</param>
/// <param name="Fault">The error that stopped the performance, if any.</param>
/// <param name="TakeError">The last error saving the take, if any (the performance goes on).</param>
/// <param name="Key">The key the jukebox keeps to (as it sounds), or null (off, or not yet heard).</param>
/// <param name="KeyState">Off, following the estimate, or locked.</param>
/// <param name="Meter">The metre (bar 1 starts at beat 0); null when unknown.</param>
/// <param name="Metronome">Whether the metronome is on.</param>
/// <param name="Looping">Whether the jukebox repeats a loop of its last bars.</param>
/// <param name="Mutate">The share of the loop's bars composed anew on each pass (0: it repeats as it is).</param>
/// <param name="ModelSwitches">Models switched to while playing.</param>
public sealed record PerformerStatus(
    PerformanceMode Mode,
    bool Playing,
    double Bpm,
    double Temperature,
    double Beat,
    long NotesPlayed,
    long PlayerNotes,
    int CallsAnswered,
    int CallsIgnored,
    double HeadroomBeats,
    long LateMessages,
    double LatenessP99Milliseconds,
    double MaxLatenessMilliseconds,
    string? Fault,
    string? TakeError,
    MusicalKey? Key = null,
    KeyState KeyState = KeyState.Off,
    BarMeter? Meter = null,
    bool Metronome = false,
    bool Looping = false,
    double Mutate = 0,
    int ModelSwitches = 0)
{
    /// <summary>The bar the playhead is in, from 1 (0 without a metre).</summary>
    public long Bar => Meter is { } meter ? (long)Math.Floor(Math.Max(0, Beat) / meter.BarBeats) + 1 : 0;

    /// <summary>The beat within the bar, from 1 (0 without a metre).</summary>
    public int BeatInBar => Meter is { } meter ? (int)Math.Floor(Math.Max(0, Beat) - ((Bar - 1) * meter.BarBeats)) + 1 : 0;
}
