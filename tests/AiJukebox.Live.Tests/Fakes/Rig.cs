using AiJukebox.Music;
using AiJukebox.Music.Realtime;
using AiJukebox.Music.Sampling;

namespace AiJukebox.Live.Tests.Fakes;

/// <summary>
/// A performer on a manual clock with a recording sink, a scripted model and a player input
/// queue, driven on the test thread: each step does the generator's and the clock's work, then
/// time jumps to the next message's deadline (or one millisecond), as a perfect clock thread would.
/// </summary>
internal sealed class Rig : IDisposable
{
    public const long Frequency = 1_000_000; // microseconds

    public Rig(
        LiveOptions? options = null,
        int[]? pitches = null,
        int shiftSteps = 6,
        int durationSteps = 6,
        int[]? primer = null,
        Action<string, MidiSong>? save = null,
        Func<FakeEventsTokenizer, ITokenPredictor>? model = null,
        double temperature = 0,
        bool clickPort = false)
    {
        Options = (options ?? new LiveOptions()) with
        {
            Sampling = (options?.Sampling ?? SamplingOptions.Default) with { Temperature = temperature },
        };
        Model = model?.Invoke(Tokenizer) ?? new ScriptedPredictor(Tokenizer, pitches ?? [60, 62, 64, 65], shiftSteps, durationSteps);
        Sink = new RecordingSink(Clock);
        ClickSink = clickPort ? new RecordingSink(Clock) : null;
        Performer = new Performer(Options, Tokenizer, Model, Clock, Sink, Input, primer, save ?? Saves.Save, ClickSink);
    }

    public FakeEventsTokenizer Tokenizer { get; } = new();

    public ManualClock Clock { get; } = new(Frequency);

    public MidiInputQueue Input { get; } = new();

    public LiveOptions Options { get; }

    /// <summary>The model the performer plays.</summary>
    public ITokenPredictor Model { get; }

    /// <summary>The model, when it is the default scripted one.</summary>
    public ScriptedPredictor Predictor => (ScriptedPredictor)Model;

    public RecordingSink Sink { get; }

    /// <summary>The metronome's own port, when the rig was made with one.</summary>
    public RecordingSink? ClickSink { get; }

    public SavedTakes Saves { get; } = new();

    public Performer Performer { get; }

    public double Now => Clock.Now / (double)Frequency;

    /// <summary>Beats at 120 BPM from clock ticks.</summary>
    public static double BeatAt120(long ticks) => ticks / (Frequency / 2.0);

    public void Start() => Performer.StartCore();

    /// <summary>Runs until the clock reads <paramref name="seconds"/>.</summary>
    public void RunUntil(double seconds) => ManualRun.Until(Performer, Clock, seconds);

    /// <summary>Posts a player message stamped now.</summary>
    public void Play(params byte[] message) => Input.Post(Clock.Now, message);

    /// <summary>The player presses <paramref name="pitch"/> now and releases it <paramref name="beats"/> later (at 120 BPM unless told).</summary>
    public void PlayNote(int pitch, double beats, double bpm = 120, int channel = 0)
    {
        Play((byte)(0x90 | channel), (byte)pitch, 100);
        RunUntil(Now + (beats * 60 / bpm));
        Play((byte)(0x80 | channel), (byte)pitch, 0);
    }

    public void Dispose() => Performer.Dispose();

    /// <summary>Keeps every song the performer saved, in memory.</summary>
    internal sealed class SavedTakes
    {
        public List<(string Path, MidiSong Song)> All { get; } = [];

        public MidiSong? Last => All.Count == 0 ? null : All[^1].Song;

        public void Save(string path, MidiSong song) => All.Add((path, song));
    }
}
