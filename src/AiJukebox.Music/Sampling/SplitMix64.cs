namespace AiJukebox.Music.Sampling;

/// <summary>
/// A tiny seeded random source whose sequence is fixed by its definition (not by a runtime's
/// <see cref="Random"/> implementation), so a seed gives the same tokens on every machine and
/// .NET version. SplitMix64 (Steele, Lea and Flood 2014) passes BigCrush and is plenty for sampling.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
