namespace AiJukebox.Music.Evaluation;

/// <summary>
/// The top line of a piece: the highest pitch at each distinct onset (onsets on the 1/12-beat
/// grid). In piano music it is usually the melody, so repetition and stuck notes are read from it.
/// </summary>
public static class TopLine
{
    /// <summary>The highest pitch at each distinct onset, in onset order.</summary>
    public static int[] Pitches(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var highest = new SortedDictionary<long, int>();
        foreach (var note in notes)
        {
            var step = Grid.Step(note.Start);
            highest[step] = highest.TryGetValue(step, out var pitch) ? Math.Max(pitch, note.Pitch) : note.Pitch;
        }

        return [.. highest.Values];
    }

    /// <summary>The intervals in semitones between consecutive top-line pitches (one fewer than the onsets).</summary>
    public static int[] Intervals(IReadOnlyList<Note> notes)
    {
        var pitches = Pitches(notes);
        var intervals = new int[Math.Max(0, pitches.Length - 1)];
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = pitches[i + 1] - pitches[i];
        }

        return intervals;
    }

    /// <summary>
    /// The longest run of consecutive onsets whose top-line pitch is the same (1 when no pitch
    /// repeats, 0 for no notes): a model stuck on one key shows up here.
    /// </summary>
    public static int LongestRun(IReadOnlyList<Note> notes)
    {
        var pitches = Pitches(notes);
        int longest = 0, run = 0;
        for (var i = 0; i < pitches.Length; i++)
        {
            run = i > 0 && pitches[i] == pitches[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
