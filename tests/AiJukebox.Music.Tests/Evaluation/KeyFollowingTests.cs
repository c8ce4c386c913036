using AiJukebox.Music.Evaluation;

namespace AiJukebox.Music.Tests.Evaluation;

public sealed class KeyFollowingTests
{
    public static TheoryData<int> Keys() => [.. Enumerable.Range(0, 24)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void PrimersFor_EveryKey_EstablishTheKey(int index)
    {
        var key = MusicalKey.All[index];

        var primers = KeyFollowing.PrimersFor(key).ToArray();

        Assert.Equal(2, primers.Length);
        foreach (var (melody, notes) in primers)
        {
            // Every note in the key, and the key profile agrees on which key it is.
            Assert.Equal(1.0, KeyFollowing.InKeyShare(notes, key));
            Assert.Equal(key, Tonality.EstimateKey(notes)!.Value.Key);
            Assert.Equal(16, melody.LengthBeats);
        }
    }

    [Fact]
    public void In_StaysNearTheWrittenRegister()
    {
        var melody = KeyFollowing.Melodies[0];

        var b = melody.In(new MusicalKey(11, KeyMode.Major));
        var fSharp = melody.In(new MusicalKey(6, KeyMode.Major));

        Assert.Equal(melody.Notes[0].Pitch - 1, b[0].Pitch);
        Assert.Equal(melody.Notes[0].Pitch + 6, fSharp[0].Pitch);
    }

    [Fact]
    public void In_OtherMode_Throws()
    {
        Assert.Throws<ArgumentException>(() => KeyFollowing.Melodies[0].In(new MusicalKey(0, KeyMode.Minor)));
    }

    [Fact]
    public void InKeyShare_CountsPitchClassesInTheKey()
    {
        // C, E, F#, G in C major: three of four.
        Assert.Equal(0.75, KeyFollowing.InKeyShare(Notes.Line(60, 64, 66, 79), new MusicalKey(0, KeyMode.Major)));
        Assert.Null(KeyFollowing.InKeyShare([], new MusicalKey(0, KeyMode.Major)));
    }
}
