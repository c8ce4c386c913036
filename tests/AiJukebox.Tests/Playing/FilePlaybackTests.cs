using AiJukebox.Live;
using AiJukebox.Music;
using AiJukebox.Playing;

namespace AiJukebox.Tests.Playing;

public sealed class FilePlaybackTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-playback-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void APortThatFailsMidFile_EndsThePlaybackWithItsFaultNotTheProcess()
    {
        // A program change, two long overlapping notes, then a third: the port goes away at its note-on.
        var path = Path.Combine(_folder, "song.mid");
        MidiFileWriter.Save(path, new MidiSong(
            [new TempoChange(0, 600)],
            [new MidiTrackNotes("piano", 0, 0, [new Note(0, 2, 60, 90), new Note(0.1, 2, 64, 90), new Note(0.2, 2, 67, 90)])]));
        var sink = new FailingSink(failAt: 4);

        using var playback = new FilePlayback(path, sink);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (playback.IsRunning && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.False(playback.IsRunning);
        Assert.IsType<IOException>(playback.Fault);
        Assert.Equal(["C0 0", "90 60", "90 64"], sink.Sent);
        // The failed note-on, then one try to end the sounding notes, which finds the port gone too.
        Assert.Equal(5, sink.Attempts);
    }

    private sealed class FailingSink(int failAt) : IMidiSink
    {
        public List<string> Sent { get; } = [];

        public int Attempts { get; private set; }

        public void Send(ReadOnlySpan<byte> message)
        {
            if (++Attempts >= failAt)
            {
                throw new IOException("the port is gone");
            }

            Sent.Add($"{message[0]:X2} {message[1]}");
        }
    }
}
