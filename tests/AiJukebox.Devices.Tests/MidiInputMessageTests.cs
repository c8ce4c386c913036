namespace AiJukebox.Devices.Tests;

public sealed class MidiInputMessageTests
{
    [Fact]
    public void Constructor_KeepsBytesInline()
    {
        byte[] source = [0x90, 0x3C, 0x64];
        var message = new MidiInputMessage(1234, 0.5, source);
        source[0] = 0;

        Assert.Equal(new byte[] { 0x90, 0x3C, 0x64 }, message.Bytes.ToArray());
        Assert.Equal(0x90, message.Status);
        Assert.Equal(1234, message.Timestamp);
        Assert.Equal("90 3C 64", message.ToString());
    }

    [Fact]
    public void Enqueue_TooLongOrQueueFull_CountsDropped()
    {
        var queue = new MidiInputQueue(2);
        queue.Enqueue(1, 0, new byte[MidiInputMessage.MaxLength + 1]);
        queue.Enqueue(2, 0, [0xF8]);
        queue.Enqueue(3, 0, [0xF8]);
        queue.Enqueue(4, 0, [0xF8]);

        Assert.Equal(2, queue.Dropped);
        Assert.True(queue.TryRead(out MidiInputMessage first));
        Assert.Equal(2, first.Timestamp);
    }
}
