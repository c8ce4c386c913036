using AiJukebox.Music.Realtime;

namespace AiJukebox.Music.Tests.Realtime;

public sealed class SpscRingTests
{
    [Fact]
    public void TryWrite_WhenFull_RefusesAndKeepsOldItems()
    {
        var ring = new SpscRing<int>(4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(ring.TryWrite(i));
        }

        Assert.False(ring.TryWrite(9));
        Assert.Equal(0, ring.Free);
        Assert.True(ring.TryRead(out var first));
        Assert.Equal(0, first);
        Assert.True(ring.TryWrite(4));
        var rest = new List<int>();
        while (ring.TryRead(out var item))
        {
            rest.Add(item);
        }

        Assert.Equal([1, 2, 3, 4], rest);
        Assert.False(ring.TryPeek(out _));
        Assert.False(ring.TryRead(out _));
    }

    [Fact]
    public void TryPeek_LeavesTheItem()
    {
        var ring = new SpscRing<int>(2);
        Assert.True(ring.TryWrite(7));
        Assert.True(ring.TryPeek(out var peeked));
        Assert.Equal(7, peeked);
        Assert.Equal(1, ring.Count);
        Assert.True(ring.TryRead(out var read));
        Assert.Equal(7, read);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(6, 8)]
    [InlineData(64, 64)]
    public void Capacity_RoundsUpToAPowerOfTwo(int asked, int capacity)
    {
        Assert.Equal(capacity, new SpscRing<int>(asked).Capacity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SpscRing<int>.MaxCapacity + 1)]
    public void Capacity_OutOfRange_Throws(int asked)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRing<int>(asked));
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
            if (ring.TryRead(out var value))
            {
                Assert.Equal(expected++, value);
            }
        }

        producer.Join();
        Assert.Equal(0, ring.Count);
    }
}
