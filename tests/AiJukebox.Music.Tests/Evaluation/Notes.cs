using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

/// <summary>Small hand-written pieces for the metric tests.</summary>
internal static class Notes
{
    /// <summary>One note per beat, each a beat long.</summary>
    public static Note[] Line(params int[] pitches) =>
        [.. pitches.Select((p, i) => new Note(i, 1, p, 80))];

    /// <summary>One chord per beat, each a beat long.</summary>
    public static Note[] Chords(params int[][] chords) =>
        [.. chords.SelectMany((chord, i) => chord.Select(p => new Note(i, 1, p, 80)))];

    /// <summary>Pitch classes of the key, for membership tests.</summary>
    public static int[] PitchClassesOf(MusicalKey key) => [.. Enumerable.Range(0, 12).Where(pc => key.Contains(pc))];
}
