using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiJukebox.Model;

/// <summary>The few dense operations a one-token LSTM step needs, vectorized and allocation-free.</summary>
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

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
