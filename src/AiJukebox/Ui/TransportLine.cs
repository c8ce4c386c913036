using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>
/// The transport's first line, whose text-drawn sliders take the mouse: press on a slider (or
/// drag along it) and its value jumps there; the bracket before the first cell is the minimum.
/// </summary>
internal sealed class TransportLine : Label
{
    private readonly List<Slider> _sliders = [];
    private Slider? _dragging;

    /// <summary>Sets the text; each slider's cells sit at the column its placeholder was written at.</summary>
    /// <param name="text">The line, with each slider already drawn in it.</param>
    /// <param name="sliders">Per slider: its first column ('['), cell count, range, and what to call with a new value.</param>
    public void Show(string text, params Slider[] sliders)
    {
        _sliders.Clear();
        _sliders.AddRange(sliders);
        if (Text != text)
        {
            Text = text;
        }
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && mouse.Position is { } at)
        {
            _dragging ??= _sliders.FirstOrDefault(s => s.Contains(at.X));
            if (_dragging is { } slider)
            {
                App?.Mouse.GrabMouse(this);
                slider.Set(slider.ValueAt(at.X));
                return true;
            }
        }
        else if (_dragging is not null && mouse.Flags.HasFlag(MouseFlags.LeftButtonReleased))
        {
            App?.Mouse.UngrabMouse();
            _dragging = null;
            return true;
        }

        return false;
    }

    /// <summary>One slider drawn as "[" + cells + "]" starting at <paramref name="Column"/>.</summary>
    internal sealed record Slider(int Column, int Cells, double Min, double Max, Action<double> Set)
    {
        public bool Contains(int x) => x >= Column && x <= Column + Cells + 1;

        /// <summary>The bracket is the minimum; cell i fills the slider up to and including it.</summary>
        public double ValueAt(int x) => Min + ((Max - Min) * Math.Clamp(x - Column, 0, Cells) / Cells);
    }
}
