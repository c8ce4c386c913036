namespace AiJukebox.Live;

/// <summary>Range checks for option setters, with messages that say what is allowed.</summary>
internal static class OptionCheck
{
    public static double Range(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");

    public static int Range(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");

    public static int? ControlNumber(int? value, string name) =>
        value is null or (>= 0 and <= 127)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a control-change number 0–127, or null for none.");
}
