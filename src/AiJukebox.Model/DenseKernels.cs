using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiJukebox.Model;

/// <summary>The few dense operations a one-token step needs (LSTM and Transformer), vectorized and allocation-free.</summary>
internal static class DenseKernels
{
    /// <summary>y[r] = bias[r] + Σ_c matrix[r, c]·x[c] for a row-major [rows, x.Length] matrix.</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> matrix, ReadOnlySpan<float> x, ReadOnlySpan<float> bias, Span<float> y)
    {
        var columns = x.Length;
        var rows = y.Length;
        if (matrix.Length != rows * columns || bias.Length != rows)
        {
            throw new ArgumentException("Matrix, vector and bias sizes disagree.");
        }

        ref var m = ref MemoryMarshal.GetReference(matrix);
        ref var v = ref MemoryMarshal.GetReference(x);
        var width = Vector<float>.Count;
        var vectorEnd = columns - (columns % width);
        var row = 0;

        // Four rows at a time share each load of x.
        for (; row + 4 <= rows; row += 4)
        {
            ref var r0 = ref Unsafe.Add(ref m, row * columns);
            ref var r1 = ref Unsafe.Add(ref r0, columns);
            ref var r2 = ref Unsafe.Add(ref r1, columns);
            ref var r3 = ref Unsafe.Add(ref r2, columns);
            Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var c = 0; c < vectorEnd; c += width)
            {
                var xv = Vector.LoadUnsafe(ref v, (nuint)c);
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r0, (nuint)c), xv, a0);
                a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r1, (nuint)c), xv, a1);
                a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r2, (nuint)c), xv, a2);
                a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r3, (nuint)c), xv, a3);
            }

            float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (var c = vectorEnd; c < columns; c++)
            {
                var xc = Unsafe.Add(ref v, c);
                s0 += Unsafe.Add(ref r0, c) * xc;
                s1 += Unsafe.Add(ref r1, c) * xc;
                s2 += Unsafe.Add(ref r2, c) * xc;
                s3 += Unsafe.Add(ref r3, c) * xc;
            }

            y[row] = bias[row] + s0;
            y[row + 1] = bias[row + 1] + s1;
            y[row + 2] = bias[row + 2] + s2;
            y[row + 3] = bias[row + 3] + s3;
        }

        for (; row < rows; row++)
        {
            y[row] = bias[row] + Dot(matrix.Slice(row * columns, columns), x);
        }
    }

    /// <summary>The LSTM cell update from pre-activation gates [i; f; g; o] (each H long), in place on h and c.</summary>
    public static void CellUpdate(ReadOnlySpan<float> gates, Span<float> h, Span<float> c)
    {
        var hidden = h.Length;
        if (gates.Length != 4 * hidden || c.Length != hidden)
        {
            throw new ArgumentException("Gate and state sizes disagree.");
        }

        for (var j = 0; j < hidden; j++)
        {
            var input = Sigmoid(gates[j]);
            var forget = Sigmoid(gates[hidden + j]);
            var cell = MathF.Tanh(gates[(2 * hidden) + j]);
            var output = Sigmoid(gates[(3 * hidden) + j]);
            var next = (forget * c[j]) + (input * cell);
            c[j] = next;
            h[j] = output * MathF.Tanh(next);
        }
    }

    /// <summary>Σ a[i]·b[i] over equal-length spans.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var length = a.Length;
        if (b.Length != length)
        {
            throw new ArgumentException("The vectors differ in length.");
        }

        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var width = Vector<float>.Count;
        var accumulator = Vector<float>.Zero;
        var i = 0;
        for (; i + width <= length; i += width)
        {
            accumulator = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref x, (nuint)i), Vector.LoadUnsafe(ref y, (nuint)i), accumulator);
        }

        var sum = Vector.Sum(accumulator);
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        }

        return sum;
    }

    /// <summary>y[i] += scale·x[i].</summary>
    public static void AddScaled(ReadOnlySpan<float> x, float scale, Span<float> y)
    {
        var length = y.Length;
        if (x.Length != length)
        {
            throw new ArgumentException("The vectors differ in length.");
        }

        ref var source = ref MemoryMarshal.GetReference(x);
        ref var target = ref MemoryMarshal.GetReference(y);
        var width = Vector<float>.Count;
        var factor = new Vector<float>(scale);
        var i = 0;
        for (; i + width <= length; i += width)
        {
            var sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref source, (nuint)i), factor, Vector.LoadUnsafe(ref target, (nuint)i));
            sum.StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref target, i) += scale * Unsafe.Add(ref source, i);
        }
    }

    /// <summary>
    /// y[c] += Σ_j weights[j]·rows[j, c] for row-major rows [weights.Length, y.Length]: attention's
    /// weighted sum of values. Blocks of y stay in registers while every row passes, so each row
    /// element is loaded once and y is written once per block.
    /// </summary>
    public static void AccumulateRows(ReadOnlySpan<float> weights, ReadOnlySpan<float> rows, Span<float> y)
    {
        var columns = y.Length;
        var count = weights.Length;
        if (rows.Length != count * columns)
        {
            throw new ArgumentException("Weight, row and output sizes disagree.");
        }

        ref var w = ref MemoryMarshal.GetReference(weights);
        ref var r = ref MemoryMarshal.GetReference(rows);
        ref var target = ref MemoryMarshal.GetReference(y);
        var width = Vector<float>.Count;
        var c = 0;
        for (; c + (4 * width) <= columns; c += 4 * width)
        {
            var a0 = Vector.LoadUnsafe(ref target, (nuint)c);
            var a1 = Vector.LoadUnsafe(ref target, (nuint)(c + width));
            var a2 = Vector.LoadUnsafe(ref target, (nuint)(c + (2 * width)));
            var a3 = Vector.LoadUnsafe(ref target, (nuint)(c + (3 * width)));
            for (var j = 0; j < count; j++)
            {
                var factor = new Vector<float>(Unsafe.Add(ref w, j));
                ref var row = ref Unsafe.Add(ref r, (j * columns) + c);
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref row), factor, a0);
                a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)width), factor, a1);
                a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)(2 * width)), factor, a2);
                a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref row, (nuint)(3 * width)), factor, a3);
            }

            a0.StoreUnsafe(ref target, (nuint)c);
            a1.StoreUnsafe(ref target, (nuint)(c + width));
            a2.StoreUnsafe(ref target, (nuint)(c + (2 * width)));
            a3.StoreUnsafe(ref target, (nuint)(c + (3 * width)));
        }

        for (; c + width <= columns; c += width)
        {
            var a = Vector.LoadUnsafe(ref target, (nuint)c);
            for (var j = 0; j < count; j++)
            {
                a = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r, (nuint)((j * columns) + c)), new Vector<float>(Unsafe.Add(ref w, j)), a);
            }

            a.StoreUnsafe(ref target, (nuint)c);
        }

        for (; c < columns; c++)
        {
            var sum = Unsafe.Add(ref target, c);
            for (var j = 0; j < count; j++)
            {
                sum += Unsafe.Add(ref w, j) * Unsafe.Add(ref r, (j * columns) + c);
            }

            Unsafe.Add(ref target, c) = sum;
        }
    }

    /// <summary>y = (x − mean) / √(variance + ε) · gain + bias, as torch's LayerNorm (population variance, ε 1e-5).</summary>
    public static void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias, Span<float> y)
    {
        const float Epsilon = 1e-5f;
        var length = x.Length;
        if (gain.Length != length || bias.Length != length || y.Length != length)
        {
            throw new ArgumentException("Vector and norm sizes disagree.");
        }

        var mean = 0f;
        for (var i = 0; i < length; i++)
        {
            mean += x[i];
        }

        mean /= length;
        var variance = 0f;
        for (var i = 0; i < length; i++)
        {
            var centred = x[i] - mean;
            variance += centred * centred;
        }

        var inverse = 1f / MathF.Sqrt((variance / length) + Epsilon);
        for (var i = 0; i < length; i++)
        {
            y[i] = ((x[i] - mean) * inverse * gain[i]) + bias[i];
        }
    }

    /// <summary>x ← x·σ(x), in place.</summary>
    public static void Silu(Span<float> x)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= Sigmoid(x[i]);
        }
    }

    /// <summary>x ← softmax(scale·x), in place (shifted by the maximum, so large scores do not overflow).</summary>
    public static void Softmax(Span<float> x, float scale = 1f)
    {
        if (scale != 1f)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] *= scale;
            }
        }

        var max = float.NegativeInfinity;
        foreach (var value in x)
        {
            max = MathF.Max(max, value);
        }

        var sum = 0f;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = MathF.Exp(x[i] - max);
            sum += x[i];
        }

        var inverse = 1f / sum;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= inverse;
        }
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
