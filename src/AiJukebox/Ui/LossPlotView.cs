using System.Globalization;

using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

using Attribute = Terminal.Gui.Drawing.Attribute;

namespace AiJukebox.Ui;

/// <summary>Training and validation loss per epoch, drawn with characters: '*' train, 'o' validation.</summary>
internal sealed class LossPlotView : View
{
    private const int AxisWidth = 8;
    private IReadOnlyList<LossPoint> _points = [];

    public LossPlotView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    public IReadOnlyList<LossPoint> Points
    {
        get => _points;
        set
        {
            _points = value;
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        SetAttribute(normal);
        var width = Viewport.Width;
        var height = Viewport.Height;
        if (height < 4 || width < AxisWidth + 4)
        {
            return true;
        }

        AddStr(0, 0, "loss   * train   o validation".PadRight(width));
        if (_points.Count == 0)
        {
            AddStr(0, 1, "(the plot starts when the first epoch ends)");
            return true;
        }

        var values = _points.SelectMany(p => new[] { p.Train, p.Validation }).Where(double.IsFinite).ToArray();
        var low = values.Length == 0 ? 0 : values.Min();
        var high = values.Length == 0 ? 1 : values.Max();
        if (high - low < 1e-9)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var rows = height - 2;
        var columns = width - AxisWidth;
        for (var row = 0; row < rows; row++)
        {
            var label = row == 0 ? high : row == rows - 1 ? low : double.NaN;
            AddStr(0, 1 + row, (double.IsNaN(label) ? string.Empty : label.ToString("F3", CultureInfo.InvariantCulture)).PadLeft(AxisWidth - 2) + " |");
        }

        AddStr(AxisWidth - 1, height - 1, "+" + new string('-', columns - 1));
        var last = _points.Count.ToString(CultureInfo.InvariantCulture);
        AddStr(AxisWidth, height - 1, "1");
        AddStr(Math.Max(AxisWidth + 2, width - last.Length - 7), height - 1, $" epoch {last}");

        for (var i = 0; i < _points.Count; i++)
        {
            var x = AxisWidth + (_points.Count == 1 ? 0 : i * (columns - 1) / (_points.Count - 1));
            Plot(x, _points[i].Train, '*', new Attribute(Color.BrightGreen, normal.Background));
            Plot(x, _points[i].Validation, 'o', new Attribute(Color.BrightCyan, normal.Background));
        }

        SetAttribute(normal);
        return true;

        void Plot(int x, double value, char mark, Attribute attribute)
        {
            if (!double.IsFinite(value))
            {
                return;
            }

            var row = 1 + (int)Math.Round((high - value) / (high - low) * (rows - 1));
            SetAttribute(attribute);
            AddRune(x, row, new System.Text.Rune(mark));
        }
    }
}
