using AiJukebox.Music.Realtime;

namespace AiJukebox.Music.Tests.Realtime;

public sealed class MidiInputQueueTests
{
    [Fact]
    public void Message_KeepsBytesInline()
    {
        byte[] source = [0x90, 0x3C, 0x64];
        var message = new MidiInputMessage(1234, source);
        source[0] = 0;

        Assert.Equal(new byte[] { 0x90, 0x3C, 0x64 }, message.Bytes.ToArray());
        Assert.Equal(0x90, message.Status);
        Assert.Equal(0x3C, message.Data1);
        Assert.Equal(0x64, message.Data2);
        Assert.True(message.IsChannelMessage);
        Assert.Equal(1234, message.Timestamp);
        Assert.Equal("90 3C 64", message.ToString());
    }

    [Fact]
    public void Message_ShortAndSystemMessages()
    {
        var program = new MidiInputMessage(5, [0xC3, 7]);
        Assert.Equal(2, program.Length);
        Assert.Equal(0, program.Data2);
        Assert.True(program.IsChannelMessage);
        Assert.False(new MidiInputMessage(1, [0xF8]).IsChannelMessage);            // clock
        Assert.False(new MidiInputMessage(1, [0xF0, 1, 2, 0xF7]).IsChannelMessage); // sysex
        Assert.False(new MidiInputMessage(1, [0x40]).IsChannelMessage);             // a data byte without status
        Assert.Throws<ArgumentException>(() => new MidiInputMessage(1, new byte[MidiInputMessage.MaxLength + 1]));
    }

    [Fact]
    public void Post_TooLongEmptyOrQueueFull_CountsDropped()
    {
        var queue = new MidiInputQueue(2);
        Assert.False(queue.Post(1, new byte[MidiInputMessage.MaxLength + 1]));
        Assert.False(queue.Post(1, []));
        Assert.True(queue.Post(2, [0xF8]));
        Assert.True(queue.Post(3, [0xF0, 1, 2, 0xF7]));
        Assert.False(queue.Post(4, [0xF8]));

        Assert.Equal(3, queue.Dropped);
        Assert.Equal(2, queue.Count);
        Assert.True(queue.TryRead(out var first));
        Assert.Equal(2, first.Timestamp);
        Assert.True(queue.TryRead(out var sysex));
        Assert.Equal(4, sysex.Length);
        Assert.False(queue.TryRead(out _));
    }
}
