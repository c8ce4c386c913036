namespace AiJukebox.Model;

/// <summary>
/// Rotary position embedding (RoPE, Su et al. 2021) in the "rotate half" layout: dimension i of
/// a head pairs with i + D/2 and both turn by the angle position · base^(−2i/D). A query and a
/// key turned by their positions score by their distance alone, so a key cached at absolute
/// position p keeps its meaning however long a stream runs. The one definition of the angles,
/// shared by training (LibTorch) and the managed step.
/// </summary>
internal static class RotaryPositions
{
    private const double Base = 10000;

    /// <summary>The angle per position of each of a head's D/2 pairs.</summary>
    public static double[] Frequencies(int headSize)
    {
        var half = headSize / 2;
        var frequencies = new double[half];
        for (var i = 0; i < half; i++)
        {
            frequencies[i] = Math.Pow(Base, -2.0 * i / headSize);
        }

        return frequencies;
    }

    /// <summary>
    /// Cosines and sines for one position (each D/2 long). The angle is reduced in double
    /// precision, so position 10^6 turns as exactly as position 10.
    /// </summary>
    public static void Angles(ReadOnlySpan<double> frequencies, long position, Span<float> cos, Span<float> sin)
    {
        for (var i = 0; i < frequencies.Length; i++)
        {
            var angle = Math.IEEERemainder(position * frequencies[i], 2 * Math.PI);
            cos[i] = (float)Math.Cos(angle);
            sin[i] = (float)Math.Sin(angle);
        }
    }

    /// <summary>Turns one head's vector in place: (x₁, x₂) → (x₁·cos − x₂·sin, x₂·cos + x₁·sin).</summary>
    public static void Rotate(Span<float> head, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin)
    {
        var half = cos.Length;
        for (var i = 0; i < half; i++)
        {
            var first = head[i];
            var second = head[i + half];
            head[i] = (first * cos[i]) - (second * sin[i]);
            head[i + half] = (second * cos[i]) + (first * sin[i]);
        }
    }
}
