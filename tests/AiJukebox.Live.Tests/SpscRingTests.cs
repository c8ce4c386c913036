namespace AiJukebox.Live.Tests;

public sealed class SpscRingTests
{
    [Fact]
    public void Ring_FullAndEmpty_Refuse()
    {
        var ring = new SpscRing<int>(4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(ring.TryWrite(i));
        }

        Assert.False(ring.TryWrite(9));
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
    }

    [Fact]
    public void Ring_NotAPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRing<int>(6));
    }

    [Fact]
    public void Ring_ProducerAndConsumerThreads_EveryItemOnceInOrder()
    {
        const int count = 20_000;
        var ring = new SpscRing<long>(64);
        var producer = new Thread(() =>
        {
            for (long i = 0; i < count; i++)
            {
                while (!ring.TryWrite(i))
                {
                    Thread.SpinWait(1);
                }
            }
        });
        producer.Start();

        long expected = 0;
        while (expected < count)
        {
            if (ring.TryRead(out var item))
            {
                Assert.Equal(expected++, item);
            }
        }

        producer.Join();
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void InputQueue_IgnoresSystemAndMalformedMessages()
    {
        var queue = new MidiInputQueue(8);
        Assert.False(queue.Post(1, [0xF8]));           // clock
        Assert.False(queue.Post(1, [0xF0, 1, 2, 0xF7])); // sysex
        Assert.False(queue.Post(1, [0x40]));           // running status without status
        Assert.True(queue.Post(5, [0xC3, 7]));
        Assert.True(queue.TryRead(out var message));
        Assert.Equal(new MidiInputMessage(5, 0xC3, 7, 0, 2), message);
    }
}
