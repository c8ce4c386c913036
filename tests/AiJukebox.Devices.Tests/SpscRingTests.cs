namespace AiJukebox.Devices.Tests;

public sealed class SpscRingTests
{
    [Fact]
    public void TryWrite_WhenFull_RefusesAndKeepsOldItems()
    {
        var ring = new SpscRing<int>(3);
        Assert.Equal(4, ring.Capacity);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(ring.TryWrite(i));
        }

        Assert.False(ring.TryWrite(99));
        Assert.True(ring.TryRead(out int first));
        Assert.Equal(0, first);
        Assert.True(ring.TryWrite(4));
        Assert.Equal([1, 2, 3, 4], Enumerable.Range(0, 4).Select(_ => ring.TryRead(out int v) ? v : -1));
        Assert.False(ring.TryRead(out _));
    }

    [Fact]
    public void ProducerAndConsumerThreads_SeeEveryItemOnceInOrder()
    {
        const int Count = 1_000_000;
        var ring = new SpscRing<long>(64);
        var producer = new Thread(() =>
        {
            for (long i = 0; i < Count; i++)
            {
                while (!ring.TryWrite(i))
                {
                    Thread.SpinWait(1);
                }
            }
        });
        producer.Start();

        long expected = 0;
        while (expected < Count)
        {
            if (ring.TryRead(out long value))
            {
                Assert.Equal(expected++, value);
            }
        }

        producer.Join();
        Assert.Equal(0, ring.Count);
    }
}
