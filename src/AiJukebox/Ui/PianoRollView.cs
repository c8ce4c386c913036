using System.Diagnostics;
using System.Text;

using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

using Attribute = Terminal.Gui.Drawing.Attribute;

namespace AiJukebox.Ui;

/// <summary>
/// The last few bars scrolling right to left: one column per sixteenth at the current tempo, the
/// jukebox's notes '█' and the player's '▒' in their own colours, the playhead at the right edge.
/// </summary>
internal sealed class PianoRollView : View
{
    private const int LabelWidth = 4;
    private static readonly Rune Jukebox = new('█');
    private static readonly Rune Player = new('▒');
    private static readonly Rune Playhead = new('│');
    private readonly RollModel _model;
    private readonly Func<double> _bpm;

    public PianoRollView(RollModel model, Func<double> bpm)
    {
        _model = model;
        _bpm = bpm;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>How much time the roll shows at <paramref name="bpm"/> with <paramref name="columns"/> columns.</summary>
    public static TimeSpan Span(int columns, double bpm) => TimeSpan.FromSeconds(columns * 15.0 / bpm);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var rows = Viewport.Height;
        var columns = Viewport.Width - LabelWidth;
        if (rows < 1 || columns < 4)
        {
            return true;
        }

        var secondsPerColumn = 15.0 / Math.Max(1, _bpm());
        var now = Stopwatch.GetTimestamp();
        var notes = _model.Notes;
        var (low, span) = PitchRange(notes, rows);
        SetAttribute(normal);
        for (var row = 0; row < rows; row++)
        {
            AddStr(0, row, row == 0 ? RollModel.Name((byte)Math.Min(127, low + span - 1)).PadRight(LabelWidth) : row == rows - 1 ? RollModel.Name((byte)low).PadRight(LabelWidth) : new string(' ', LabelWidth));
            AddRune(LabelWidth + columns - 1, row, Playhead);
        }

        foreach (var note in notes)
        {
            var first = Column(note.Start);
            var last = note.End is { } end ? Column(end) : columns - 1;
            if (last < 0)
            {
                continue;
            }

            var row = rows - 1 - ((note.Pitch - low) * rows / span);
            SetAttribute(new Attribute(note.Player ? Color.BrightYellow : Color.BrightCyan, normal.Background));
            for (var c = Math.Max(0, first); c <= Math.Min(columns - 1, last); c++)
            {
                AddRune(LabelWidth + c, Math.Clamp(row, 0, rows - 1), note.Player ? Player : Jukebox);
            }
        }

        SetAttribute(normal);
        return true;

        int Column(long ticks) => columns - 1 - (int)((now - ticks) / (double)Stopwatch.Frequency / secondsPerColumn);
    }

    /// <summary>The lowest pitch and the number of pitches shown: the notes' range, at least one row per pitch when it fits.</summary>
    private static (int Low, int Span) PitchRange(IReadOnlyList<RollNote> notes, int rows)
    {
        int low = notes.Count == 0 ? 60 - (rows / 2) : notes.Min(n => n.Pitch);
        int high = notes.Count == 0 ? low + rows - 1 : notes.Max(n => n.Pitch);
        var span = high - low + 1;
        if (span < rows)
        {
            low = Math.Max(0, low - ((rows - span) / 2));
            span = rows;
        }

        return (low, span);
    }
}
