using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class TextureTests
{
    [Fact]
    public void Polyphony_BlockTriads_IsThree()
    {
        Assert.Equal(3, Texture.Polyphony(Notes.Chords([48, 52, 55], [53, 57, 60], [55, 59, 62]))!.Value, 12);
    }

    [Fact]
    public void Polyphony_HeldBassUnderAMelody_CountsTheHeldNote()
    {
        // A whole-note bass under four quarter notes: two notes sound at each of the four onsets.
        Note[] notes = [new(0, 4, 36, 80), .. Notes.Line(60, 62, 64, 65)];

        Assert.Equal(2, Texture.Polyphony(notes)!.Value, 12);
    }

    [Fact]
    public void Polyphony_NoteEndingAtAnOnset_NoLongerSounds()
    {
        // Onsets 0 (two notes), 1 (the half note has ended, the whole note still sounds), 2.
        Note[] notes = [new(0, 1, 60, 80), new(0, 2, 48, 80), new(1, 1, 62, 80), new(2, 1, 64, 80)];

        Assert.Equal((2 + 2 + 1) / 3.0, Texture.Polyphony(notes)!.Value, 12);
    }

    [Fact]
    public void NotesPerBeat_EighthNotes_IsTwo()
    {
        Note[] notes = [.. Enumerable.Range(0, 8).Select(i => new Note(i * 0.5, 0.5, 60 + i, 80))];

        Assert.Equal(2, Texture.NotesPerBeat(notes)!.Value, 12);
    }

    [Fact]
    public void PitchRange_HighestMinusLowest()
    {
        Assert.Equal(19, Texture.PitchRange(Notes.Chords([48, 67], [55, 60])));
    }

    [Fact]
    public void NoNotes_Undefined()
    {
        Assert.Null(Texture.Polyphony([]));
        Assert.Null(Texture.NotesPerBeat([]));
        Assert.Null(Texture.PitchRange([]));
    }
}
