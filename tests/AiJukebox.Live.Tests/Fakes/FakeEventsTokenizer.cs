using AiJukebox.Music;

namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A small stand-in for the events tokenizer with its token texts: PAD, BOS, EOS, Shift_1..48
/// (12 steps per beat), Pitch_21..108, Velocity_32/64/96/127, Duration_1..48; per note
/// [Shift*] Pitch Velocity Duration. Encode wraps a piece in BOS … EOS.
/// </summary>
internal sealed class FakeEventsTokenizer : ITokenizer
{
    public const int StepsPerBeat = 12;
    private static readonly int[] Velocities = [32, 64, 96, 127];

    public FakeEventsTokenizer()
    {
        var tokens = new List<string> { "PAD", "BOS", "EOS" };
        tokens.AddRange(Enumerable.Range(1, 48).Select(n => $"Shift_{n}"));
        tokens.AddRange(Enumerable.Range(21, 88).Select(p => $"Pitch_{p}"));
        tokens.AddRange(Velocities.Select(v => $"Velocity_{v}"));
        tokens.AddRange(Enumerable.Range(1, 48).Select(d => $"Duration_{d}"));
        Vocabulary = new Vocabulary(tokens);
    }

    public string Name => "events";

    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Vocabulary Vocabulary { get; }

    public int Id(string text) => Vocabulary.IdOf(text) is >= 0 and var id ? id : throw new ArgumentException(text);

    public string Text(int id) => Vocabulary[id];

    public int[] Encode(IReadOnlyList<Note> notes)
    {
        var tokens = new List<int> { Id("BOS") };
        var position = 0;
        foreach (var note in notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch))
        {
            var start = (int)Math.Round(note.Start * StepsPerBeat);
            for (var delta = start - position; delta > 0; delta -= 48)
            {
                tokens.Add(Id($"Shift_{Math.Min(delta, 48)}"));
            }

            position = Math.Max(position, start);
            tokens.Add(Id($"Pitch_{Math.Clamp(note.Pitch, 21, 108)}"));
            tokens.Add(Id($"Velocity_{Velocities.MinBy(v => Math.Abs(v - note.Velocity))}"));
            tokens.Add(Id($"Duration_{Math.Clamp((int)Math.Round(note.Duration * StepsPerBeat), 1, 48)}"));
        }

        tokens.Add(Id("EOS"));
        return [.. tokens];
    }

    public int[] Encode(IReadOnlyList<Note> notes, IReadOnlyList<TimeSignatureChange> timeSignatures) => Encode(notes);

    public void AppendContinuation(IReadOnlyList<Note> notes, ITokenDecoder stream, List<int> tokens)
    {
        var encoded = Encode(notes.Select(n => n with { Start = Math.Max(0, n.Start - stream.Position) }).ToArray());
        tokens.AddRange(encoded[1..^1]);
    }

    public ITokenDecoder CreateDecoder() => new Decoder(this);

    public ITokenGrammar CreateGrammar() => new Grammar(this);

    private sealed class Decoder(FakeEventsTokenizer tokenizer) : ITokenDecoder
    {
        private int _steps;
        private int _pitch;
        private int _velocity;
        private bool _inNote;

        public double Position => _steps / (double)StepsPerBeat;

        public bool BetweenNotes => !_inNote;

        public void Reset()
        {
            _steps = 0;
            _inNote = false;
        }

        public int Feed(int token, ICollection<Note> completed)
        {
            var text = tokenizer.Text(token);
            var value = text.Contains('_') ? int.Parse(text[(text.IndexOf('_') + 1)..]) : 0;
            switch (text[..Math.Max(0, text.IndexOf('_'))])
            {
                case "Shift":
                    _steps += value;
                    break;
                case "Pitch":
                    _inNote = true;
                    _pitch = value;
                    break;
                case "Velocity":
                    _velocity = value;
                    break;
                case "Duration":
                    _inNote = false;
                    completed.Add(new Note(Position, value / (double)StepsPerBeat, _pitch, _velocity));
                    return 1;
            }

            return 0;
        }
    }

    private sealed class Grammar(FakeEventsTokenizer tokenizer) : ITokenGrammar
    {
        private string _last = "";

        public void Reset() => _last = "";

        public void Accept(int token) => _last = tokenizer.Text(token).Split('_')[0];

        public void FillAllowed(Span<bool> allowed)
        {
            for (var id = 0; id < allowed.Length; id++)
            {
                var kind = tokenizer.Text(id).Split('_')[0];
                allowed[id] = _last switch
                {
                    "Pitch" => kind == "Velocity",
                    "Velocity" => kind == "Duration",
                    _ => kind is "Shift" or "Pitch" or "EOS",
                };
            }
        }
    }
}
