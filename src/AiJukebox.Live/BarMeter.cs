using System.Globalization;
using System.Text.Json.Serialization;

namespace AiJukebox.Live;

/// <summary>
/// The performance's metre: <paramref name="Numerator"/> beat units of 1/<paramref name="Denominator"/>
/// in a bar. Beats are quarter notes, so a 6/8 bar is 3 beats. Bar 1 starts at beat 0.
/// Written and read as <c>4/4</c>.
/// </summary>
/// <param name="Numerator">Beat units in a bar, 1–32.</param>
/// <param name="Denominator">The beat unit: 1, 2, 4, 8, 16 or 32.</param>
[JsonConverter(typeof(BarMeterJsonConverter))]
public readonly record struct BarMeter(int Numerator, int Denominator)
{
    /// <summary>Common time.</summary>
    public static BarMeter CommonTime { get; } = new(4, 4);

    /// <summary>Length of a bar in beats (quarter notes).</summary>
    public double BarBeats => Numerator * 4.0 / Denominator;

    /// <summary>Reads <c>n/d</c> (n 1–32, d a power of two up to 32).</summary>
    /// <exception cref="ArgumentException">Anything else.</exception>
    public static BarMeter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var meter)
            ? meter
            : throw new ArgumentException($"Meter '{text}' is not n/d with n 1-32 and d 1, 2, 4, 8, 16 or 32 (for example 4/4, 3/4, 6/8).");
    }

    /// <summary>Reads <c>n/d</c> as <see cref="Parse"/>; false when it is not one.</summary>
    public static bool TryParse(string? text, out BarMeter meter)
    {
        meter = default;
        if (text?.Split('/') is not [var n, var d]
            || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            || numerator is < 1 or > 32
            || denominator is not (1 or 2 or 4 or 8 or 16 or 32))
        {
            return false;
        }

        meter = new BarMeter(numerator, denominator);
        return true;
    }

    /// <summary>The meter of a remi <c>TimeSig_n/d</c> token text, or null when it is not one.</summary>
    public static BarMeter? FromToken(string text) =>
        text.StartsWith("TimeSig_", StringComparison.Ordinal) && TryParse(text["TimeSig_".Length..], out var meter) ? meter : null;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
