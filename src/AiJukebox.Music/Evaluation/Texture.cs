namespace AiJukebox.Music.Evaluation;

/// <summary>How dense, how thick and how wide a piece is: note density, polyphony, pitch range.</summary>
public static class Texture
{
    /// <summary>Notes per beat: the number of notes over the span from the first onset to the last note's end; null when that span is empty.</summary>
    public static double? NotesPerBeat(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Count == 0)
        {
            return null;
        }

        var first = notes.Min(n => n.Start);
        var last = notes.Max(n => n.End);
        return last > first ? notes.Count / (last - first) : null;
    }

    /// <summary>
    /// The mean number of notes sounding at each distinct onset (on the 1/12-beat grid): the
    /// notes starting there plus those still held from before. 1 for a plain melody, about 3
    /// for block triads. A note sounds from its onset step up to (not including) its end step,
    /// and at least at its own onset. Null for no notes.
    /// </summary>
    public static double? Polyphony(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Count == 0)
        {
            return null;
        }

        var spans = notes
            .Select(n => (Start: Grid.Step(n.Start), End: Math.Max(Grid.Step(n.Start) + 1, Grid.Step(n.End))))
            .OrderBy(s => s.Start)
            .ToArray();
        var sounding = new PriorityQueue<long, long>();
        long total = 0;
        var onsets = 0;
        for (var i = 0; i < spans.Length;)
        {
            var onset = spans[i].Start;
            for (; i < spans.Length && spans[i].Start == onset; i++)
            {
                sounding.Enqueue(spans[i].End, spans[i].End);
            }

            while (sounding.TryPeek(out _, out var end) && end <= onset)
            {
                sounding.Dequeue();
            }

            total += sounding.Count;
            onsets++;
        }

        return (double)total / onsets;
    }

    /// <summary>Highest minus lowest pitch in semitones; null for no notes.</summary>
    public static int? PitchRange(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Count == 0 ? null : notes.Max(n => n.Pitch) - notes.Min(n => n.Pitch);
    }
}
