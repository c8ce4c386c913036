using System.Diagnostics;

namespace AiJukebox.Ui;

/// <summary>The notes of the last few seconds, built from a <see cref="NoteTap"/> on the UI thread.</summary>
internal sealed class RollModel(NoteTap tap)
{
    private static readonly string[] Names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private readonly List<TapEvent> _new = [];
    private readonly List<RollNote> _notes = [];
    private long _cursor;

    public IReadOnlyList<RollNote> Notes => _notes;

    /// <summary>Takes in what the tap recorded and forgets notes that ended more than <paramref name="keep"/> ago.</summary>
    public void Update(TimeSpan keep)
    {
        _new.Clear();
        tap.Drain(ref _cursor, _new);
        foreach (var e in _new)
        {
            var open = _notes.FindLastIndex(n => n.End is null && n.Pitch == e.Pitch && n.Player == e.Player);
            if (open >= 0)
            {
                _notes[open] = _notes[open] with { End = e.Ticks };
            }

            if (e.On)
            {
                _notes.Add(new RollNote(e.Pitch, e.Player, e.Ticks, null));
            }
        }

        var oldest = Stopwatch.GetTimestamp() - (long)(keep.TotalSeconds * Stopwatch.Frequency);
        _notes.RemoveAll(n => n.End is { } end && end < oldest);
    }

    /// <summary>The names of the notes sounding now, lowest first (e.g. "C4 E4 G4").</summary>
    public string Sounding() => string.Join(' ', _notes.Where(n => n.End is null).Select(n => n.Pitch).Distinct().Order().Select(Name));

    /// <summary>MIDI note number to name, middle C = C4.</summary>
    public static string Name(byte pitch) => $"{Names[pitch % 12]}{(pitch / 12) - 1}";
}
