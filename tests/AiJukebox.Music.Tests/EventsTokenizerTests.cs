using CsCheck;

namespace AiJukebox.Music.Tests;

public class EventsTokenizerTests
{
    private static readonly EventsTokenizer Tokenizer = new();

    internal static readonly Gen<Note> NoteGen =
        Gen.Select(Gen.Double[0, 64], Gen.Double[0, 12], Gen.Int[0, 127], Gen.Int[1, 127])
            .Select((start, duration, pitch, velocity) => new Note(start, duration, pitch, velocity));

    private static string[] Texts(int[] tokens) => tokens.Select(t => Tokenizer.Vocabulary[t]).ToArray();

    private static List<Note> Decode(IEnumerable<int> tokens, ITokenDecoder? decoder = null)
    {
        decoder ??= Tokenizer.CreateDecoder();
        var notes = new List<Note>();
        foreach (var token in tokens)
        {
            decoder.Feed(token, notes);
        }

        return notes;
    }

    [Fact]
    public void Vocabulary_HasTheAgreedLayout()
    {
        var tokens = Tokenizer.Vocabulary.Tokens;

        Assert.Equal(["PAD", "BOS", "EOS", "Shift_1"], tokens.Take(4));
        Assert.Equal("Shift_48", tokens[50]);
        Assert.Equal("Pitch_21", tokens[51]);
        Assert.Equal("Pitch_108", tokens[138]);
        Assert.Equal(32, tokens.Count(t => t.StartsWith("Velocity_", StringComparison.Ordinal)));
        Assert.Equal("Duration_1", tokens.First(t => t.StartsWith("Duration_", StringComparison.Ordinal)));
        Assert.Equal("Duration_96", tokens[^1]);
        Assert.Equal(3 + 48 + 88 + 32 + 26, tokens.Count);
    }

    [Fact]
    public void Encode_TwoNotes_GivesShiftPitchVelocityDuration()
    {
        var tokens = Tokenizer.Encode([new Note(0.5, 0.25, 64, 80), new Note(0, 1, 60, 100)]);

        Assert.Equal(
            ["BOS", "Pitch_60", "Velocity_102", "Duration_12", "Shift_6", "Pitch_64", "Velocity_82", "Duration_3", "EOS"],
            Texts(tokens));
    }

    [Fact]
    public void Encode_LongGap_UsesSeveralShifts()
    {
        var tokens = Tokenizer.Encode([new Note(10, 1, 60, 64)]);

        Assert.Equal(["BOS", "Shift_48", "Shift_48", "Shift_24", "Pitch_60", "Velocity_66", "Duration_12", "EOS"], Texts(tokens));
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(20, 32)]
    [InlineData(109, 97)]
    [InlineData(127, 103)]
    public void Encode_PitchOutsidePianoRange_IsFoldedByOctaves(int pitch, int folded)
    {
        var tokens = Tokenizer.Encode([new Note(0, 1, pitch, 64)]);

        Assert.Equal($"Pitch_{folded}", Tokenizer.Vocabulary[tokens[1]]);
    }

    [Fact]
    public void Quantize_SixteenthsAndTriplets_StayExact()
    {
        Note[] notes = [new Note(0.25, 0.25, 60, 66), new Note(1.0 / 3, 1.0 / 3, 62, 66), new Note(2.0 / 3, 1.0 / 6, 64, 66)];

        var quantized = EventsTokenizer.Quantize(notes);

        Assert.Equal(notes.Select(n => (n.Start, n.Duration)), quantized.Select(n => (n.Start, n.Duration)), new ToleranceComparer());
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(13.0 / 12, 12)]
    [InlineData(27.0 / 12, 24)]
    [InlineData(28.0 / 12, 30)]
    [InlineData(20.0, 96)]
    public void Quantize_Duration_GoesToTheNearestBin(double beats, int steps)
    {
        var quantized = EventsTokenizer.Quantize([new Note(0, beats, 60, 64)]).Single();

        Assert.Equal(steps / 12.0, quantized.Duration, 9);
    }

    [Fact]
    public void DecodeOfEncode_IsTheQuantizedPiece()
    {
        NoteGen.List[0, 60].Sample(notes =>
        {
            Assert.Equal(EventsTokenizer.Quantize(notes), Decode(Tokenizer.Encode(notes)));
        }, iter: 500);
    }

    [Fact]
    public void Encode_EveryTokenIsAllowedByTheGrammar()
    {
        NoteGen.List[0, 40].Sample(notes =>
        {
            var grammar = Tokenizer.CreateGrammar();
            var allowed = new bool[Tokenizer.Vocabulary.Count];
            foreach (var token in Tokenizer.Encode(notes))
            {
                grammar.FillAllowed(allowed);
                Assert.True(allowed[token], Tokenizer.Vocabulary[token]);
                grammar.Accept(token);
            }
        }, iter: 200);
    }

    [Fact]
    public void Grammar_RandomAllowedStreams_DecodeToWellFormedNotes()
    {
        Gen.Int.Array[1, 300].Sample(choices =>
        {
            var grammar = Tokenizer.CreateGrammar();
            var allowed = new bool[Tokenizer.Vocabulary.Count];
            var stream = new List<int>();
            foreach (var choice in choices)
            {
                grammar.FillAllowed(allowed);
                var options = Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).ToArray();
                Assert.NotEmpty(options);
                var token = options[(int)((uint)choice % (uint)options.Length)];
                grammar.Accept(token);
                stream.Add(token);
            }

            var notes = Decode(stream);
            var pitchTokens = stream.Count(t => Tokenizer.Vocabulary[t].StartsWith("Pitch_", StringComparison.Ordinal));
            var completed = stream.Count > 0 && Tokenizer.Vocabulary[stream[^1]].StartsWith("Pitch_", StringComparison.Ordinal) ? 1
                : stream.Count > 0 && Tokenizer.Vocabulary[stream[^1]].StartsWith("Velocity_", StringComparison.Ordinal) ? 1 : 0;
            Assert.Equal(pitchTokens - completed, notes.Count);
            // Already on the grid and at bin values: quantizing again changes nothing (the grammar allows any order within a step).
            Assert.Equal(EventsTokenizer.Quantize(notes), notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.Velocity).ThenBy(n => n.Duration));
            Assert.All(notes, n => Assert.True(n.Pitch is >= 21 and <= 108 && n.Velocity is >= 1 and <= 127 && n.Duration > 0 && n.Start >= 0));
        }, iter: 300);
    }

    [Fact]
    public void Grammar_StartsWithBosAndFollowsPitchVelocityDuration()
    {
        var grammar = Tokenizer.CreateGrammar();
        var allowed = new bool[Tokenizer.Vocabulary.Count];

        string[] Allowed()
        {
            grammar.FillAllowed(allowed);
            return Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).Select(i => Tokenizer.Vocabulary[i].Split('_')[0]).Distinct().ToArray();
        }

        Assert.Equal(["BOS"], Allowed());
        grammar.Accept(EventsTokenizer.Bos);
        Assert.Equal(["EOS", "Shift", "Pitch"], Allowed());
        grammar.Accept(Tokenizer.Vocabulary.IdOf("Pitch_60"));
        Assert.Equal(["Velocity"], Allowed());
        grammar.Accept(Tokenizer.Vocabulary.IdOf("Velocity_66"));
        Assert.Equal(["Duration"], Allowed());
        grammar.Accept(Tokenizer.Vocabulary.IdOf("Duration_12"));
        Assert.Equal(["EOS", "Shift", "Pitch"], Allowed());
        grammar.Accept(EventsTokenizer.Eos);
        Assert.Equal(["BOS"], Allowed());
    }

    [Fact]
    public void Grammar_SeedFromTheMiddleOfAPiece_IsInStepAfterOneToken()
    {
        var grammar = Tokenizer.CreateGrammar();
        var allowed = new bool[Tokenizer.Vocabulary.Count];

        grammar.Accept(Tokenizer.Vocabulary.IdOf("Velocity_66"));
        grammar.FillAllowed(allowed);

        Assert.True(allowed[Tokenizer.Vocabulary.IdOf("Duration_3")]);
        Assert.False(allowed[Tokenizer.Vocabulary.IdOf("Pitch_60")]);
    }

    [Fact]
    public void Decoder_PositionFollowsShifts_AndBosResets()
    {
        var decoder = Tokenizer.CreateDecoder();
        var notes = new List<Note>();

        decoder.Feed(Tokenizer.Vocabulary.IdOf("Shift_6"), notes);
        decoder.Feed(Tokenizer.Vocabulary.IdOf("Shift_12"), notes);
        Assert.Equal(1.5, decoder.Position);
        decoder.Feed(EventsTokenizer.Bos, notes);
        Assert.Equal(0, decoder.Position);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Feed(Tokenizer.Vocabulary.Count, notes));
    }

    [Fact]
    public void AppendContinuation_ContinuesFromTheDecodersPosition_BetweenNotes()
    {
        var decoder = Tokenizer.CreateDecoder();
        Decode(Tokenizer.Encode([new Note(1, 1, 60, 64)]).SkipLast(1), decoder);
        Assert.True(decoder.BetweenNotes);
        var tokens = new List<int>();

        Tokenizer.AppendContinuation([new Note(0, 0.5, 62, 64), new Note(1.5, 0.5, 64, 64)], decoder, tokens);

        Assert.Equal(["Pitch_62", "Velocity_66", "Duration_6", "Shift_6", "Pitch_64", "Velocity_66", "Duration_6"], Texts([.. tokens]));
        decoder.Feed(tokens[0], []);
        Assert.False(decoder.BetweenNotes);
    }

    [Fact]
    public void AppendNotes_ContinuesAStreamFromItsPosition()
    {
        var tokens = new List<int>();

        var position = Tokenizer.AppendNotes([new Note(2.5, 0.5, 60, 64)], 2, tokens);

        Assert.Equal(["Shift_6", "Pitch_60", "Velocity_66", "Duration_6"], tokens.Select(t => Tokenizer.Vocabulary[t]));
        Assert.Equal(2.5, position);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
