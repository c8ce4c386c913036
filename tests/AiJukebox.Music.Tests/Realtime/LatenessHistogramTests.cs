using AiJukebox.Music.Realtime;

namespace AiJukebox.Music.Tests.Realtime;

public sealed class LatenessHistogramTests
{
    [Fact]
    public void Percentiles_FromRecordedLateness()
    {
        var histogram = new LatenessHistogram(1_000_000);
        for (var i = 0; i < 98; i++)
        {
            histogram.Record(100); // 0.1 ms
        }

        histogram.Record(2_000);   // 2 ms
        histogram.Record(250_000); // 250 ms: beyond the buckets

        Assert.Equal(100, histogram.Count);
        Assert.Equal(0.15, histogram.Percentile(0.5), 9); // upper edge of the 0.10–0.15 ms bucket
        Assert.Equal(2.05, histogram.Percentile(0.99), 9);
        Assert.Equal(250, histogram.Percentile(1.0), 9);
        Assert.Equal(250, histogram.MaxMilliseconds, 9);
        Assert.Equal(2, histogram.CountLaterThan(1.0));
    }

    [Fact]
    public void Record_EarlyCountsAsOnTime()
    {
        var histogram = new LatenessHistogram(1_000_000);
        histogram.Record(-500);
        Assert.Equal(0, histogram.Percentile(1.0), 9); // never above the exact maximum
        Assert.Equal(0, histogram.MaxMilliseconds);
    }

    [Fact]
    public void OtherBucketWidth_PercentilesOnItsEdges()
    {
        var histogram = new LatenessHistogram(1_000_000, bucketMilliseconds: 0.25, rangeMilliseconds: 50);
        for (var k = 0; k < 100; k++)
        {
            histogram.Record((k * 250) + 100); // one value in each 0.25 ms bucket from 0 to 25 ms
        }

        Assert.Equal(12.5, histogram.Percentile(0.5), 9);
        Assert.Equal(24.75, histogram.Percentile(0.99), 9);
        Assert.Equal(24.85, histogram.MaxMilliseconds, 9);
        Assert.Equal(0.25, histogram.BucketMilliseconds);
    }

    [Fact]
    public void Empty_PercentileIsZero()
    {
        Assert.Equal(0, new LatenessHistogram(1000).Percentile(0.99));
    }
}
