namespace AiJukebox.Devices.Tests.Audio;

/// <summary>
/// Finds where notes start in audio from the rise of its energy: the signal's energy in 1 ms
/// windows, every 0.5 ms; an onset is a window that is loud (over 3 % of the loudest) and over 8
/// times the average of the 20 ms before it, at least <c>minGapSeconds</c> after the previous one.
/// Its time is where the rise began: the earliest of the windows before it still over twice that
/// average, and in that window the first sample above a tenth of the window's peak.
/// </summary>
internal static class OnsetDetector
{
    public static List<double> Find(ReadOnlySpan<float> samples, int sampleRate, double minGapSeconds = 0.08)
    {
        var hop = Math.Max(1, sampleRate / 2000);
        var window = hop * 2;
        var count = Math.Max(0, (samples.Length - window) / hop);
        var energy = new double[count];
        for (var i = 0; i < count; i++)
        {
            double sum = 0;
            foreach (var s in samples.Slice(i * hop, window))
            {
                sum += s * s;
            }

            energy[i] = sum / window;
        }

        var loudest = energy.Length == 0 ? 0 : energy.Max();
        var onsets = new List<double>();
        var before = 40; // 20 ms of hops
        var lastOnset = double.NegativeInfinity;
        for (var i = before; i < count; i++)
        {
            double previous = 0;
            for (var j = i - before; j < i; j++)
            {
                previous += energy[j];
            }

            previous /= before;
            if (energy[i] < loudest * 0.03 * 0.03 || energy[i] < 8 * previous)
            {
                continue;
            }

            // A soft attack crosses the threshold late: walk back to where the rise began.
            var begin = i;
            while (begin > i - before && energy[begin - 1] > Math.Max(2 * previous, loudest * 1e-6))
            {
                begin--;
            }

            var start = begin * hop;
            var peak = 0f;
            foreach (var s in samples.Slice(start, window))
            {
                peak = Math.Max(peak, Math.Abs(s));
            }

            var first = start;
            while (first < start + window && Math.Abs(samples[first]) < peak / 10)
            {
                first++;
            }

            var time = (double)first / sampleRate;
            if (time - lastOnset >= minGapSeconds)
            {
                onsets.Add(time);
                lastOnset = time;
            }
        }

        return onsets;
    }

    /// <summary>The root mean square of the samples.</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }
}
