using AiJukebox.Ui;

namespace AiJukebox.Tests.Ui;

public sealed class RollModelTests
{
    [Fact]
    public void Tap_NoteOnThenOff_GivesOneEndedNote()
    {
        var tap = new NoteTap();
        var roll = new RollModel(tap);

        tap.Observe([0x90, 60, 100], player: false);
        tap.Observe([0x80, 60, 0], player: false);
        roll.Update(TimeSpan.FromMinutes(1));

        var note = Assert.Single(roll.Notes);
        Assert.Equal(60, note.Pitch);
        Assert.False(note.Player);
        Assert.NotNull(note.End);
        Assert.Equal(string.Empty, roll.Sounding());
    }

    [Fact]
    public void Tap_VelocityZeroNoteOn_EndsTheNoteAndOtherMessagesAreIgnored()
    {
        var tap = new NoteTap();
        var roll = new RollModel(tap);

        tap.Observe([0x91, 64, 90], player: true);
        tap.Observe([0xB0, 123, 0], player: false);
        tap.Observe([0x91, 64, 0], player: true);
        roll.Update(TimeSpan.FromMinutes(1));

        var note = Assert.Single(roll.Notes);
        Assert.True(note.Player);
        Assert.NotNull(note.End);
    }

    [Fact]
    public void Sounding_NamesOpenNotesLowestFirst()
    {
        var tap = new NoteTap();
        var roll = new RollModel(tap);

        tap.Observe([0x90, 64, 100], player: false);
        tap.Observe([0x90, 60, 100], player: true);
        tap.Observe([0x90, 67, 100], player: false);
        tap.Observe([0x80, 67, 0], player: false);
        roll.Update(TimeSpan.FromMinutes(1));

        Assert.Equal("C4 E4", roll.Sounding());
    }

    [Fact]
    public void Drain_ReaderLappedByTheWriter_SkipsWhatWasOverwritten()
    {
        var tap = new NoteTap(capacity: 4);
        long cursor = 0;
        var events = new List<TapEvent>();

        for (byte pitch = 60; pitch < 70; pitch++)
        {
            tap.Observe([0x90, pitch, 100], player: false);
        }

        tap.Drain(ref cursor, events);

        Assert.Equal([66, 67, 68, 69], events.Select(e => (int)e.Pitch));
        Assert.Equal(10, cursor);
    }
}
