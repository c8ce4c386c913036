using System.Globalization;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>Small helpers for the forms: a label with a text field after it, and reading numbers from fields.</summary>
internal static class Fields
{
    /// <summary>Adds "label [field]" at (x, y); a null width fills the rest of the row.</summary>
    public static TextField Add(View parent, string label, Pos x, int y, int? width, string text = "")
    {
        var caption = new Label { X = x, Y = y, Text = label };
        var field = new TextField { X = Pos.Right(caption) + 1, Y = y, Width = width is { } w ? w : Dim.Fill(), Text = text };
        parent.Add(caption, field);
        return field;
    }

    /// <summary>An optional whole number: blank = null; anything else must parse, or the problem names the field.</summary>
    public static bool TryInt(TextField field, string name, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = field.Text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            value = parsed;
            return true;
        }

        problem = $"{name} must be a positive whole number (or blank for the default), not '{text}'.";
        return false;
    }

    /// <summary>A number in a range; blank = <paramref name="fallback"/>.</summary>
    public static bool TryDouble(TextField field, string name, double fallback, double min, double max, out double value, out string? problem)
    {
        problem = null;
        var text = field.Text.Trim();
        value = fallback;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}, not '{text}'.");
        return false;
    }
}
