using CsCheck;

using static AiJukebox.Music.Tests.Smf;

namespace AiJukebox.Music.Tests;

public class RemiTokenizerTests
{
    private static readonly RemiTokenizer Tokenizer = new();

    /// <summary>The meters a MIDI file may have, common and odd: (numerator, denominator).</summary>
    private static readonly Gen<(int, int)> MeterGen = Gen.OneOf(
        Gen.OneOf<(int, int)>((2, 4), (3, 4), (4, 4), (5, 4), (6, 4), (2, 2), (3, 2), (3, 8), (6, 8), (7, 8), (9, 8), (12, 8)),
        Gen.Select(Gen.Int[1, 16], Gen.OneOf<int>(2, 4, 8, 16)));

    /// <summary>Meter changes at any beat (on bar lines or not), sorted by beat.</summary>
    private static readonly Gen<TimeSignatureChange[]> MetersGen =
        Gen.Select(Gen.Double[0, 64], MeterGen)
            .Select((beat, meter) => new TimeSignatureChange(Math.Round(beat * 2) / 2, meter.Item1, meter.Item2))
            .Array[0, 5]
            .Select(changes => changes.OrderBy(c => c.Beat).ToArray());

    private static string[] Texts(IEnumerable<int> tokens) => tokens.Select(t => Tokenizer.Vocabulary[t]).ToArray();

    private static int Id(string text) => Tokenizer.Vocabulary.IdOf(text) is >= 0 and var id ? id : throw new ArgumentException(text);

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

    private static void AssertGrammarAccepts(IEnumerable<int> tokens, ITokenGrammar? grammar = null)
    {
        grammar ??= Tokenizer.CreateGrammar();
        var allowed = new bool[Tokenizer.Vocabulary.Count];
        var index = 0;
        foreach (var token in tokens)
        {
            grammar.FillAllowed(allowed);
            Assert.True(allowed[token], $"token {index} ({Tokenizer.Vocabulary[token]}) is not allowed");
            grammar.Accept(token);
            index++;
        }
    }

    [Fact]
    public void Vocabulary_HasTheAgreedLayout()
    {
        var tokens = Tokenizer.Vocabulary.Tokens;

        Assert.Equal(["PAD", "BOS", "EOS", "Bar", "TimeSig_2/4", "TimeSig_3/4", "TimeSig_4/4"], tokens.Take(7));
        Assert.Equal(13, tokens.Count(t => t.StartsWith("TimeSig_", StringComparison.Ordinal)));
        Assert.Equal("Position_0", tokens[17]);
        Assert.Equal("Position_71", tokens[88]);
        Assert.Equal("Pitch_21", tokens[89]);
        Assert.Equal("Pitch_108", tokens[176]);
        Assert.Equal(32, tokens.Count(t => t.StartsWith("Velocity_", StringComparison.Ordinal)));
        Assert.Equal("Duration_96", tokens[^1]);
        Assert.Equal(4 + 13 + 72 + 88 + 32 + 26, tokens.Count);
        // The events tokenizer's note tokens, in the same order: one set of bins.
        Assert.Equal(new EventsTokenizer().Vocabulary.Tokens.Skip(51), tokens.Skip(89));
    }

    [Fact]
    public void Encode_TwoBarsOfFourFour_GivesBarsPositionsAndNotes()
    {
        var tokens = Tokenizer.Encode([new Note(0, 1, 60, 100), new Note(0, 1, 64, 80), new Note(1.5, 0.5, 67, 80), new Note(4.25, 0.25, 72, 64)]);

        Assert.Equal(
            [
                "BOS", "Bar", "TimeSig_4/4",
                "Position_0", "Pitch_60", "Velocity_102", "Duration_12", "Pitch_64", "Velocity_82", "Duration_12",
                "Position_18", "Pitch_67", "Velocity_82", "Duration_6",
                "Bar", "Position_3", "Pitch_72", "Velocity_66", "Duration_3",
                "EOS",
            ],
            Texts(tokens));
    }

    [Fact]
    public void Encode_EmptyBars_AreLoneBarTokens()
    {
        var tokens = Tokenizer.Encode([new Note(0, 1, 60, 64), new Note(12, 1, 62, 64)]);

        Assert.Equal(["BOS", "Bar", "TimeSig_4/4", "Position_0", "Pitch_60", "Velocity_66", "Duration_12", "Bar", "Bar", "Bar", "Position_0", "Pitch_62", "Velocity_66", "Duration_12", "EOS"], Texts(tokens));
    }

    [Fact]
    public void Encode_MeterChange_WritesTimeSigAfterTheBarWhereItStarts()
    {
        // 4/4 for a bar, then 6/8 (3 beats a bar): the note at beat 7 is in bar 2 at beat 0.
        var tokens = Tokenizer.Encode([new Note(0, 1, 60, 64), new Note(4, 1, 62, 64), new Note(7, 1, 64, 64)], [new(0, 4, 4), new(4, 6, 8)]);

        Assert.Equal(
            ["BOS", "Bar", "TimeSig_4/4", "Position_0", "Pitch_60", "Velocity_66", "Duration_12",
             "Bar", "TimeSig_6/8", "Position_0", "Pitch_62", "Velocity_66", "Duration_12",
             "Bar", "Position_0", "Pitch_64", "Velocity_66", "Duration_12", "EOS"],
            Texts(tokens));
    }

    [Fact]
    public void Encode_MeterChangeInsideABar_TakesEffectAtTheNextBarLine()
    {
        var tokens = Texts(Tokenizer.Encode([new Note(0, 1, 60, 64), new Note(5, 1, 62, 64)], [new(2, 3, 4)]));

        // Bar 0 is 4/4 (the change at beat 2 waits for the bar line at 4); bar 1 is 3/4.
        Assert.Equal(["BOS", "Bar", "TimeSig_4/4"], tokens.Take(3));
        Assert.Equal(["Bar", "TimeSig_3/4", "Position_12", "Pitch_62"], tokens.Skip(7).Take(4));
    }

    [Theory]
    [InlineData(4, 4, "4/4")]
    [InlineData(6, 8, "6/8")]
    [InlineData(4, 8, "2/4")]
    [InlineData(8, 8, "4/4")]
    [InlineData(12, 16, "6/8")]
    [InlineData(6, 16, "3/8")]
    [InlineData(4, 2, "4/4")]
    [InlineData(7, 4, "4/4")]
    [InlineData(1, 4, "4/4")]
    [InlineData(0, 4, "4/4")]
    public void Encode_Meter_MapsToTheVocabulary(int numerator, int denominator, string expected)
    {
        var tokens = Texts(Tokenizer.Encode([new Note(0, 1, 60, 64)], [new(0, numerator, denominator)]));

        Assert.Equal($"TimeSig_{expected}", tokens[2]);
    }

    [Fact]
    public void Import_ThreeFourFile_HasBarsOfThreeBeats()
    {
        // 3/4 at 96 ticks a beat: notes on beats 0, 3 and 6 are the downbeats of bars 0, 1 and 2.
        var bytes = File(0, 96, Track(TimeSignature(0, 3, 2), On(0, 60), Off(96, 60), On(192, 62), Off(96, 62), On(192, 64), Off(96, 64)));
        var piece = MidiFileImporter.Read(bytes, ImportOptions.Default).Pieces.Single();

        var tokens = Texts(Tokenizer.Encode(piece.Notes, piece.TimeSignatures));

        Assert.Equal(3, tokens.Count(t => t == "Bar"));
        Assert.Equal("TimeSig_3/4", tokens[2]);
        Assert.Equal(3, tokens.Count(t => t == "Position_0"));
        Assert.DoesNotContain(tokens, t => t.StartsWith("Position_", StringComparison.Ordinal) && t != "Position_0");
        Assert.Equal(3.0, RemiTokenizer.BarBeats(3, 4));
        Assert.Equal([0.0, 3, 6], Decode(Tokenizer.Encode(piece.Notes, piece.TimeSignatures)).Select(n => n.Start));
    }

    [Fact]
    public void DecodeOfEncode_IsTheQuantizedPiece()
    {
        Gen.Select(EventsTokenizerTests.NoteGen.List[0, 60], MetersGen).Sample((notes, meters) =>
        {
            Assert.Equal(RemiTokenizer.Quantize(notes), Decode(Tokenizer.Encode(notes, meters)));
        }, iter: 500);
    }

    [Fact]
    public void Encode_EveryTokenIsAllowedByTheGrammar()
    {
        Gen.Select(EventsTokenizerTests.NoteGen.List[0, 40], MetersGen).Sample((notes, meters) =>
        {
            AssertGrammarAccepts(Tokenizer.Encode(notes, meters));
        }, iter: 300);
    }

    [Fact]
    public void Encode_BarCount_IsTheLengthInBarsRoundedUp()
    {
        Gen.Select(EventsTokenizerTests.NoteGen.List[1, 30], MeterGen).Sample((notes, meter) =>
        {
            var tokens = Tokenizer.Encode(notes, [new TimeSignatureChange(0, meter.Item1, meter.Item2)]);
            var quantized = RemiTokenizer.Quantize(notes);
            var end = quantized.Max(n => n.End);
            var bar = RemiTokenizer.BarBeats(meter.Item1, meter.Item2);

            Assert.Equal((int)Math.Ceiling((end / bar) - 1e-9), tokens.Count(t => t == RemiTokenizer.Bar));
        }, iter: 300);
    }

    [Fact]
    public void Grammar_RandomAllowedStreams_DecodeToWellFormedNotesOnTheBarGrid()
    {
        Gen.Int.Array[1, 300].Sample(choices =>
        {
            var grammar = Tokenizer.CreateGrammar();
            var decoder = Tokenizer.CreateDecoder();
            var allowed = new bool[Tokenizer.Vocabulary.Count];
            var notes = new List<Note>();
            var pitches = 0;
            var barStart = 0.0;
            var barBeats = 4.0;
            var bars = 0;
            var grammarLast = 0;
            foreach (var choice in choices)
            {
                grammar.FillAllowed(allowed);
                var options = Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).ToArray();
                Assert.NotEmpty(options);
                Assert.False(allowed[RemiTokenizer.Pad]);
                var token = options[(int)((uint)choice % (uint)options.Length)];
                grammar.Accept(token);
                grammarLast = token;
                var text = Tokenizer.Vocabulary[token];
                var before = decoder.Position;
                decoder.Feed(token, notes);
                Assert.True(decoder.Position >= before || text == "BOS", "time went back");
                if (text == "Bar")
                {
                    barStart = bars++ == 0 ? 0 : barStart + barBeats;
                    Assert.Equal(barStart, decoder.Position, 9);
                }
                else if (text.StartsWith("TimeSig_", StringComparison.Ordinal))
                {
                    var parts = text[8..].Split('/');
                    barBeats = RemiTokenizer.BarBeats(int.Parse(parts[0]), int.Parse(parts[1]));
                }
                else if (text.StartsWith("Position_", StringComparison.Ordinal))
                {
                    Assert.InRange(decoder.Position - barStart, 0, barBeats - (1.0 / 12) + 1e-9);
                }
                else if (text.StartsWith("Pitch_", StringComparison.Ordinal))
                {
                    pitches++;
                }
                else if (text == "BOS")
                {
                    bars = 0;
                    barBeats = 4;
                    notes.Clear();
                    pitches = 0;
                }
            }

            var last = choices.Length > 0 ? Tokenizer.Vocabulary[grammarLast] : "";
            var open = last.StartsWith("Pitch_", StringComparison.Ordinal) || last.StartsWith("Velocity_", StringComparison.Ordinal) ? 1 : 0;
            Assert.Equal(pitches - open, notes.Count);
            Assert.Equal(notes.OrderBy(n => n.Start), notes, EqualityComparer<Note>.Default);
            Assert.Equal(RemiTokenizer.Quantize(notes), notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.Velocity).ThenBy(n => n.Duration));
            Assert.All(notes, n => Assert.True(n.Pitch is >= 21 and <= 108 && n.Velocity is >= 1 and <= 127 && n.Duration > 0 && n.Start >= 0));
        }, iter: 300);
    }

    [Fact]
    public void Grammar_FollowsBarPositionPitchVelocityDuration()
    {
        var grammar = Tokenizer.CreateGrammar();
        var allowed = new bool[Tokenizer.Vocabulary.Count];

        string[] Allowed()
        {
            grammar.FillAllowed(allowed);
            return Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).Select(i => Tokenizer.Vocabulary[i].Split('_')[0]).Distinct().ToArray();
        }

        bool Allows(string text)
        {
            grammar.FillAllowed(allowed);
            return allowed[Id(text)];
        }

        Assert.Equal(["BOS"], Allowed());
        grammar.Accept(RemiTokenizer.Bos);
        Assert.Equal(["EOS", "Bar"], Allowed());
        grammar.Accept(RemiTokenizer.Bar);
        Assert.Equal(["TimeSig"], Allowed());
        grammar.Accept(Id("TimeSig_3/4"));
        Assert.Equal(["EOS", "Bar", "Position"], Allowed());
        Assert.True(Allows("Position_35"));
        Assert.False(Allows("Position_36"));
        grammar.Accept(Id("Position_12"));
        Assert.Equal(["Pitch"], Allowed());
        grammar.Accept(Id("Pitch_60"));
        Assert.Equal(["Velocity"], Allowed());
        grammar.Accept(Id("Velocity_66"));
        Assert.Equal(["Duration"], Allowed());
        grammar.Accept(Id("Duration_12"));
        Assert.Equal(["EOS", "Bar", "Position", "Pitch"], Allowed());
        Assert.False(Allows("Position_12"));
        Assert.True(Allows("Position_13"));
        grammar.Accept(RemiTokenizer.Bar);
        Assert.Equal(["EOS", "Bar", "TimeSig", "Position"], Allowed());
        Assert.True(Allows("Position_0"));
        Assert.False(Allows("Position_36"));
        grammar.Accept(RemiTokenizer.Eos);
        Assert.Equal(["BOS"], Allowed());
    }

    [Fact]
    public void Grammar_SeedFromTheMiddleOfAPiece_AllowsAnyPositionUntilItKnowsTheMeter()
    {
        var grammar = Tokenizer.CreateGrammar();
        var allowed = new bool[Tokenizer.Vocabulary.Count];

        grammar.Accept(Id("Velocity_66"));
        grammar.FillAllowed(allowed);
        Assert.True(allowed[Id("Duration_3")]);
        Assert.False(allowed[Id("Pitch_60")]);

        grammar.Accept(Id("Duration_3"));
        grammar.Accept(RemiTokenizer.Bar);
        grammar.FillAllowed(allowed);
        Assert.True(allowed[Id("Position_71")]);

        grammar.Accept(Id("TimeSig_2/4"));
        grammar.FillAllowed(allowed);
        Assert.False(allowed[Id("Position_24")]);
        Assert.True(allowed[Id("Position_23")]);
    }

    [Fact]
    public void Decoder_PositionIsBarStartPlusPosition_AndBosResets()
    {
        var decoder = Tokenizer.CreateDecoder();
        var notes = new List<Note>();

        foreach (var text in new[] { "BOS", "Bar", "TimeSig_3/4", "Position_6", "Bar", "Position_12" })
        {
            decoder.Feed(Id(text), notes);
        }

        Assert.Equal(4, decoder.Position);
        Assert.False(decoder.BetweenNotes);
        decoder.Feed(Id("Pitch_60"), notes);
        decoder.Feed(Id("Velocity_66"), notes);
        decoder.Feed(Id("Duration_6"), notes);
        Assert.True(decoder.BetweenNotes);
        Assert.Equal([new Note(4, 0.5, 60, 66)], notes);
        decoder.Feed(RemiTokenizer.Bos, notes);
        Assert.Equal(0, decoder.Position);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Feed(Tokenizer.Vocabulary.Count, notes));
    }

    [Fact]
    public void AppendContinuation_LandsAtTheRightBarAndPosition()
    {
        // A 3/4 stream: bar 0, bar 1 with a note at its beat 1 (stream beat 4).
        var stream = Tokenizer.Encode([new Note(0, 1, 60, 64), new Note(4, 1, 62, 64)], [new(0, 3, 4)]).SkipLast(1).ToArray();
        var decoder = Tokenizer.CreateDecoder();
        Decode(stream, decoder);
        Assert.Equal(4, decoder.Position);

        // Notes at the stream's position (and one before it), later in the bar, and two bars on.
        var tokens = new List<int>();
        Tokenizer.AppendContinuation([new Note(0, 1, 67, 64), new Note(4, 1, 64, 64), new Note(5.5, 0.5, 65, 64), new Note(10, 1, 69, 64)], decoder, tokens);

        Assert.Equal(4, decoder.Position); // not changed by encoding
        Assert.Equal(
            ["Pitch_64", "Velocity_66", "Duration_12", "Pitch_67", "Velocity_66", "Duration_12",
             "Position_30", "Pitch_65", "Velocity_66", "Duration_6",
             "Bar", "Bar", "Position_12", "Pitch_69", "Velocity_66", "Duration_12"],
            Texts(tokens));
        AssertGrammarAccepts([.. stream, .. tokens]);
        var continued = Decode(tokens, decoder);
        Assert.Equal([(4.0, 64), (4.0, 67), (5.5, 65), (10.0, 69)], continued.Select(n => (n.Start, n.Pitch)));
    }

    [Fact]
    public void AppendContinuation_AfterABarLine_WritesThePosition()
    {
        Gen.Select(EventsTokenizerTests.NoteGen.List[1, 20], EventsTokenizerTests.NoteGen.List[1, 10], MetersGen).Sample((piece, more, meters) =>
        {
            // The stream so far: a piece without its EOS, then a bar line.
            var stream = Tokenizer.Encode(piece, meters).SkipLast(1).Append(RemiTokenizer.Bar).ToArray();
            var decoder = Tokenizer.CreateDecoder();
            Decode(stream, decoder);
            var from = decoder.Position;
            var tokens = new List<int>();
            var shifted = more.Select(n => n with { Start = n.Start + from }).ToArray();

            Tokenizer.AppendContinuation(shifted, decoder, tokens);

            AssertGrammarAccepts([.. stream, .. tokens]);
            Assert.Equal(RemiTokenizer.Quantize(shifted).Select(n => n.Start), Decode(tokens, decoder).Select(n => n.Start));
        }, iter: 200);
    }

    [Fact]
    public void AppendContinuation_OnAFreshStream_StartsTheFirstBar()
    {
        var decoder = Tokenizer.CreateDecoder();
        decoder.Feed(RemiTokenizer.Bos, []);
        var tokens = new List<int>();

        Tokenizer.AppendContinuation([new Note(0.5, 1, 60, 64)], decoder, tokens);

        Assert.Equal(["Bar", "TimeSig_4/4", "Position_6", "Pitch_60", "Velocity_66", "Duration_12"], Texts(tokens));
        Assert.Throws<ArgumentException>(() => Tokenizer.AppendContinuation([], new EventsTokenizer().CreateDecoder(), tokens));
    }

    [Fact]
    public void WithMeterInForce_AddsTheMeterAfterTheWindowsFirstBar()
    {
        var piece = Tokenizer.Encode([new Note(0, 1, 60, 64), new Note(3, 1, 62, 64), new Note(6, 1, 64, 64)], [new(0, 3, 4)]);
        var secondBar = Array.IndexOf(piece, RemiTokenizer.Bar, 2);

        var window = RemiTokenizer.WithMeterInForce(piece, secondBar, piece[secondBar..^1]);

        Assert.Equal(["Bar", "TimeSig_3/4", "Position_0", "Pitch_62"], Texts(window.Take(4)));
        Assert.Equal(window, RemiTokenizer.WithMeterInForce(piece, secondBar, window));
    }

    [Fact]
    public void Factory_KnowsRemi_AndChecksItsVocabulary()
    {
        var made = TokenizerFactory.Create("remi", Tokenizer.Settings, Tokenizer.Vocabulary);

        Assert.IsType<RemiTokenizer>(made);
        Assert.Contains("remi", TokenizerFactory.Names);
        Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("remi", new Dictionary<string, string>(), new EventsTokenizer().Vocabulary));
        Assert.Throws<ArgumentException>(() => TokenizerFactory.Create("remi", new Dictionary<string, string> { ["maxBarSteps"] = "96" }));
    }
}
