namespace AiJukebox.Music.Realtime;

/// <summary>
/// A histogram of durations on a real-time thread (how late messages left the clock thread, how
/// long a JACK process callback took), in buckets of <see cref="BucketMilliseconds"/> up to
/// <see cref="RangeMilliseconds"/> (longer ones share an overflow bucket; the maximum is kept
/// exactly). Preallocated: recording allocates nothing. One writer; readers on other threads see
/// a slightly stale but never broken picture.
/// </summary>
public sealed class LatenessHistogram
{
    /// <summary>The default width of one bucket (for lateness).</summary>
    public const double DefaultBucketMilliseconds = 0.05;

    /// <summary>The default span the buckets cover.</summary>
    public const double DefaultRangeMilliseconds = 100;

    private readonly long[] _buckets;
    private readonly double _ticksPerBucket;
    private readonly long _frequency;
    private long _count;
    private long _maxTicks;

    /// <summary>Creates a histogram for a clock of <paramref name="frequency"/> ticks per second.</summary>
    /// <param name="frequency">Ticks per second of the durations recorded.</param>
    /// <param name="bucketMilliseconds">The width of one bucket.</param>
    /// <param name="rangeMilliseconds">The span the buckets cover.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive, or the range is narrower than a bucket.</exception>
    public LatenessHistogram(long frequency, double bucketMilliseconds = DefaultBucketMilliseconds, double rangeMilliseconds = DefaultRangeMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangeMilliseconds, bucketMilliseconds);
        _frequency = frequency;
        BucketMilliseconds = bucketMilliseconds;
        RangeMilliseconds = rangeMilliseconds;
        _buckets = new long[(int)(rangeMilliseconds / bucketMilliseconds) + 1];
        _ticksPerBucket = frequency * bucketMilliseconds / 1000;
    }

    /// <summary>Width of one bucket.</summary>
    public double BucketMilliseconds { get; }

    /// <summary>The span covered by the buckets.</summary>
    public double RangeMilliseconds { get; }

    /// <summary>Messages recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The latest any message left, in milliseconds.</summary>
    public double MaxMilliseconds => Volatile.Read(ref _maxTicks) * 1000.0 / _frequency;

    /// <summary>Records one message that left <paramref name="latenessTicks"/> after its time (early counts as on time).</summary>
    public void Record(long latenessTicks)
    {
        if (latenessTicks < 0)
        {
            latenessTicks = 0;
        }

        var bucket = (int)Math.Min(latenessTicks / _ticksPerBucket, _buckets.Length - 1);
        _buckets[bucket]++;
        if (latenessTicks > _maxTicks)
        {
            Volatile.Write(ref _maxTicks, latenessTicks);
        }

        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Messages that left more than <paramref name="milliseconds"/> late (to bucket precision).</summary>
    public long CountLaterThan(double milliseconds)
    {
        var first = (int)Math.Ceiling(milliseconds / BucketMilliseconds);
        long later = 0;
        for (var i = Math.Max(first, 0); i < _buckets.Length; i++)
        {
            later += Volatile.Read(ref _buckets[i]);
        }

        return later;
    }

    /// <summary>
    /// The lateness below which <paramref name="fraction"/> of the messages left, in milliseconds
    /// (the upper edge of its bucket; the maximum when it falls in the overflow bucket); 0 when empty.
    /// </summary>
    public double Percentile(double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * count));
        long seen = 0;
        for (var i = 0; i < _buckets.Length - 1; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return Math.Min((i + 1) * BucketMilliseconds, MaxMilliseconds);
            }
        }

        return MaxMilliseconds;
    }
}
