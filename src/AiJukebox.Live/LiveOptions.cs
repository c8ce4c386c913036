using AiJukebox.Music.Sampling;

namespace AiJukebox.Live;

/// <summary>
/// Everything that shapes a live performance; the app loads the defaults from
/// <c>config/jukebox.json</c> and overrides them from the command line. Setters check their
/// ranges and throw <see cref="ArgumentOutOfRangeException"/> with a message naming the setting.
/// </summary>
public sealed record LiveOptions
{
    /// <summary>Slowest tempo accepted, in BPM.</summary>
    public const double SlowestTempo = 20;

    /// <summary>Fastest tempo accepted, in BPM.</summary>
    public const double FastestTempo = 400;

    private readonly double _tempo = 120;
    private readonly double _horizon = 1;
    private readonly double _lead = 0.125;
    private readonly double _responseDelay = 1;
    private readonly double? _responseBeats;
    private readonly double _minCall = 1;
    private readonly int _channel;
    private readonly int? _program = 0;
    private readonly int _transpose;
    private readonly double _velocityScale = 1;
    private readonly int _lowest = 21;
    private readonly int _highest = 108;
    private readonly double _autosave = 5;
    private readonly int _countIn;
    private readonly int _loopBars = 2;
    private readonly double _mutate;
    private readonly KeySetting _key = KeySetting.Off;

    /// <summary>The mode at start.</summary>
    public PerformanceMode Mode { get; init; } = PerformanceMode.Solo;

    /// <summary>Tempo at start, in quarter notes per minute.</summary>
    public double Tempo { get => _tempo; init => _tempo = OptionCheck.Range(value, SlowestTempo, FastestTempo, nameof(Tempo)); }

    /// <summary>How far ahead of the playhead the generator composes, in beats (changes take effect within it).</summary>
    public double HorizonBeats { get => _horizon; init => _horizon = OptionCheck.Range(value, 0.05, 16, nameof(HorizonBeats)); }

    /// <summary>How far after "now" a new stream (start, restart, answer) begins, so its first notes are on time.</summary>
    public double LeadBeats { get => _lead; init => _lead = OptionCheck.Range(value, 0, 4, nameof(LeadBeats)); }

    /// <summary>Call-and-response: beats of silence after the player's phrase before the answer.</summary>
    public double ResponseDelayBeats { get => _responseDelay; init => _responseDelay = OptionCheck.Range(value, 0.05, 64, nameof(ResponseDelayBeats)); }

    /// <summary>Call-and-response: length of an answer in beats; null answers for as long as the call.</summary>
    public double? ResponseBeats
    {
        get => _responseBeats;
        init => _responseBeats = value is null ? null : OptionCheck.Range(value.Value, 0.05, 1024, nameof(ResponseBeats));
    }

    /// <summary>Call-and-response: calls shorter than this many beats (first onset to last release) are ignored.</summary>
    public double MinCallBeats { get => _minCall; init => _minCall = OptionCheck.Range(value, 0, 1024, nameof(MinCallBeats)); }

    /// <summary>Echo the player's messages to the output.</summary>
    public bool Thru { get; init; }

    /// <summary>Output channel of the jukebox's notes, 0–15.</summary>
    public int Channel { get => _channel; init => _channel = OptionCheck.Range(value, 0, 15, nameof(Channel)); }

    /// <summary>General MIDI program (0–127) sent on <see cref="Channel"/> at start; null sends none.</summary>
    public int? Program
    {
        get => _program;
        init => _program = value is null ? null : OptionCheck.Range(value.Value, 0, 127, nameof(Program));
    }

    /// <summary>Semitones added to every generated note.</summary>
    public int Transpose { get => _transpose; init => _transpose = OptionCheck.Range(value, -48, 48, nameof(Transpose)); }

    /// <summary>Factor applied to generated velocities (results kept in 1–127).</summary>
    public double VelocityScale { get => _velocityScale; init => _velocityScale = OptionCheck.Range(value, 0.01, 4, nameof(VelocityScale)); }

    /// <summary>Lowest note played; lower notes move up by octaves.</summary>
    public int LowestNote { get => _lowest; init => _lowest = OptionCheck.Range(value, 0, 127, nameof(LowestNote)); }

    /// <summary>Highest note played; higher notes move down by octaves.</summary>
    public int HighestNote { get => _highest; init => _highest = OptionCheck.Range(value, 0, 127, nameof(HighestNote)); }

    /// <summary>Control-change mappings.</summary>
    public ControlMap Controls { get; init; } = new();

    /// <summary>Sampling at start (temperature, top-k, top-p, repetition penalty).</summary>
    public SamplingOptions Sampling { get; init; } = SamplingOptions.Default;

    /// <summary>
    /// The key the jukebox keeps to (<c>off</c>, <c>auto</c>, or fixed such as <c>F#:major</c>); how
    /// strongly is <see cref="SamplingOptions.KeyStrength"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Null.</exception>
    public KeySetting Key { get => _key; init => _key = value ?? throw new ArgumentException("Key must be auto, off or <tonic>:<major|minor>.", nameof(Key)); }

    /// <summary>
    /// The metre (bar 1 starts at beat 0); null takes it from the primer's first <c>TimeSig</c>
    /// token (a remi model's), else 4/4.
    /// </summary>
    public BarMeter? Meter { get; init; }

    /// <summary>Answers (call-and-response) start on the next bar line or beat and last whole bars or beats, solo and accompanying streams start on one; or neither.</summary>
    public PhraseAlignment Align { get; init; } = PhraseAlignment.Off;

    /// <summary>Whether the metronome clicks from the start (General MIDI percussion on channel 10; see <see cref="Live.Metronome"/>).</summary>
    public bool Metronome { get; init; }

    /// <summary>Bars of clicks before the jukebox starts (solo, accompany); the click sounds during them even with the metronome off.</summary>
    public int CountInBars { get => _countIn; init => _countIn = OptionCheck.Range(value, 0, 16, nameof(CountInBars)); }

    /// <summary>Whether the take records the clicks (on a track of their own, "Metronome").</summary>
    public bool RecordMetronome { get; init; } = true;

    /// <summary>How many of the jukebox's last whole bars a loop repeats (1–64).</summary>
    public int LoopBars { get => _loopBars; init => _loopBars = OptionCheck.Range(value, 1, 64, nameof(LoopBars)); }

    /// <summary>
    /// The loop's mutation at start: the share of its bars (0–1) the model composes anew on each
    /// pass after the first, the rest repeating as they were; 0 repeats the loop as it is.
    /// </summary>
    public double Mutate { get => _mutate; init => _mutate = OptionCheck.Range(value, 0, 1, nameof(Mutate)); }

    /// <summary>Seed of the sampler's random source.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Where the take is recorded; null records nothing.</summary>
    public string? RecordPath { get; init; }

    /// <summary>Seconds between autosaves of the take.</summary>
    public double AutosaveSeconds { get => _autosave; init => _autosave = OptionCheck.Range(value, 0.1, 3600, nameof(AutosaveSeconds)); }

    /// <summary>Checks the settings that depend on each other.</summary>
    /// <exception cref="ArgumentException">A combination is invalid; the message names it.</exception>
    public void Validate()
    {
        if (LowestNote > HighestNote)
        {
            throw new ArgumentException($"LowestNote ({LowestNote}) must not be above HighestNote ({HighestNote}).");
        }

        if (Controls.MinTempo > Controls.MaxTempo || Controls.MinTemperature > Controls.MaxTemperature)
        {
            throw new ArgumentException("Controls: the minimum tempo and temperature must not be above the maximum.");
        }
    }
}
