using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Live;

/// <summary>
/// The generator thread's work, one <see cref="Step"/> at a time: takes what the clock thread
/// reports (player notes, sent notes, tempo changes) into the take and the modes' logic, applies
/// controls, and keeps the lookahead generator composing a horizon ahead of the playhead when
/// the mode calls for it. Model calls, allocation and file writes happen here, never on the
/// clock thread.
/// </summary>
internal sealed partial class Conductor
{
    private const int MaxTokensPerStep = 64;

    private readonly LiveOptions _options;
    private readonly IClock _clock;
    private readonly Scheduler _scheduler;
    private readonly LookaheadGenerator _generator;
    private readonly SpscRing<LiveEvent> _events;
    private readonly TakeRecorder _take;
    private readonly Action<string, MidiSong> _saveTake;
    private readonly long _autosaveTicks;
    private readonly NotePairer _listening = new();
    private readonly List<Note> _call = [];
    private readonly List<Note> _answer = [];
    private readonly List<Note> _pendingContext = [];
    private readonly List<int> _contextTokens = [];
    private PerformanceMode _mode;
    private bool _playing = true;
    private bool _primed;
    private bool _streaming;
    private bool _answering;
    private bool _stepped;
    private double _answerStart;
    private double _lastRelease = double.NegativeInfinity;
    private int _flushTicket;
    private long _lastSave;
    private Task _saving = Task.CompletedTask;
    private string? _takeError;
    private int _requestedMode = -1;
    private int _requestedPlaying = -1;
    private int _requestedPanic;
    private long _requestedTemperatureBits = -1;
    private ITokenizer _tokenizer;
    private Music.Sampling.TokenSampler _sampler;
    private int[] _primer;

    public Conductor(
        LiveOptions options,
        ModelParts model,
        IClock clock,
        Scheduler scheduler,
        LookaheadGenerator generator,
        SpscRing<LiveEvent> events,
        int[] primer,
        Action<string, MidiSong> saveTake,
        BarMeter meter)
    {
        Meter = meter;
        _options = options;
        _model = model;
        _tokenizer = model.Tokenizer;
        _clock = clock;
        _scheduler = scheduler;
        _generator = generator;
        _sampler = model.Sampler;
        _events = events;
        _primer = primer;
        _saveTake = saveTake;
        _mode = options.Mode;
        _take = new TakeRecorder(options.Channel, options.Program);
        _autosaveTicks = (long)(options.AutosaveSeconds * clock.Frequency);
        _lastSave = clock.Now;
        InitializeKey();
        InitializeLoop();
        InitializeMutation();
    }

    public PerformanceMode Mode => _mode;

    /// <summary>The metre: bar 1 starts at beat 0.</summary>
    public BarMeter Meter { get; }

    /// <summary>Call-and-response: where the last answer started, in beats.</summary>
    public double AnswerStart => _answerStart;

    /// <summary>Call-and-response: the last answered call's length in bars (or beats with --align beat; 0 before any, or with --align off).</summary>
    public int LastCallUnits { get; private set; }

    public bool Playing => _playing;

    public long NotesPlayed { get; private set; }

    public long PlayerNotes { get; private set; }

    public int CallsAnswered { get; private set; }

    public int CallsIgnored { get; private set; }

    public string? TakeError
    {
        get => Volatile.Read(ref _takeError);
        private set => Volatile.Write(ref _takeError, value);
    }

    public double HeadroomBeats => _streaming || _answering ? Math.Max(0, Math.Min(_generator.Frontier, _generator.End) - _scheduler.Playhead) : 0;

    public TakeRecorder Take => _take;

    // Requests from other threads, applied at the next step.
    public void RequestMode(PerformanceMode mode) => Volatile.Write(ref _requestedMode, (int)mode);

    public void RequestPlaying(bool playing) => Volatile.Write(ref _requestedPlaying, playing ? 1 : 0);

    public void RequestPanic() => Volatile.Write(ref _requestedPanic, 1);

    public void RequestTemperature(double temperature) => Volatile.Write(ref _requestedTemperatureBits, BitConverter.DoubleToInt64Bits(temperature));

    public void Step()
    {
        var playhead = _scheduler.Playhead;
        DrainEvents();
        ApplyRequests();
        FollowKey(playhead);
        if (_flushTicket != 0)
        {
            if (!_scheduler.IsFlushed(_flushTicket))
            {
                return;
            }

            _flushTicket = 0;
        }

        StepModelSwitch(playhead);
        if (_mode == PerformanceMode.CallResponse)
        {
            StepCallResponse(playhead);
        }
        else if (_playing && _looping)
        {
            StepLoop(playhead);
        }
        else if (_playing)
        {
            StepStream(playhead);
        }

        if (_clock.Now - _lastSave >= _autosaveTicks)
        {
            Autosave();
        }

        _stepped = true;
    }

    /// <summary>Takes in every event the clock thread reported.</summary>
    public void DrainEvents()
    {
        while (_events.TryRead(out var e))
        {
            switch (e.Kind)
            {
                case LiveEventKind.Tempo:
                    _take.Tempo(e.Beat, e.Bpm);
                    break;
                case LiveEventKind.Sent:
                    _take.Jukebox(e.Beat, e.Status, e.Data1, e.Data2);
                    HearJukebox(e.Beat, e.Status, e.Data1, e.Data2);
                    if ((e.Status & 0xF0) == 0x90 && e.Data2 > 0)
                    {
                        NotesPlayed++;
                    }

                    break;
                case LiveEventKind.Player:
                    OnPlayer(e);
                    break;
                case LiveEventKind.Click when _options.RecordMetronome:
                    _take.Click(e.Beat, e.Status, e.Data1, e.Data2);
                    break;
            }
        }
    }

    /// <summary>
    /// Starts writing the take as it is now, on a pool thread so a slow disk cannot stall the
    /// music; skipped while the previous autosave is still being written.
    /// </summary>
    public void Autosave()
    {
        _lastSave = _clock.Now;
        if (_options.RecordPath is null || !_saving.IsCompleted)
        {
            return;
        }

        var song = _take.Snapshot(_scheduler.Playhead);
        _saving = Task.Run(() => Write(song));
    }

    /// <summary>Writes the complete take now, after any autosave in progress.</summary>
    public void SaveTake()
    {
        WaitForSave();
        if (_options.RecordPath is not null)
        {
            Write(_take.Snapshot(_scheduler.Playhead));
        }
    }

    /// <summary>Waits for an autosave in progress.</summary>
    public void WaitForSave() => _saving.Wait();

    private void Write(MidiSong song)
    {
        try
        {
            _saveTake(_options.RecordPath!, song);
            TakeError = null;
        }
        catch (Exception e)
        {
            // Recording must never stop the music: report and try again at the next autosave.
            TakeError = $"{_options.RecordPath}: cannot save the take ({e.Message})";
        }
    }

    private void StepStream(double playhead)
    {
        if (!_streaming)
        {
            if (!_primed)
            {
                _generator.Restart(_primer);
                _primed = true;
            }

            // After the count-in (its clicks come from the clock thread), or a lead from now;
            // aligned, on the grid. The first step comes before the clock starts, so an aligned
            // stream needs no lead there: it starts on the first bar line, beat 0.
            var lead = _stepped || AlignmentUnit <= 0 ? _options.LeadBeats : 0;
            _generator.BeginAt(AlignedStreamStart(Math.Max(playhead + lead, _options.CountInBars * Meter.BarBeats)));
            _streaming = true;
        }

        if (_pendingContext.Count > 0 && _generator.AtBoundary)
        {
            _generator.FeedNotes(_tokenizer, _pendingContext, _contextTokens);
            _pendingContext.Clear();
        }

        _generator.Fill(playhead + _options.HorizonBeats, MaxTokensPerStep);
    }

    private void StepCallResponse(double playhead)
    {
        if (_answering)
        {
            _generator.Fill(playhead + _options.HorizonBeats, MaxTokensPerStep);
            if (_generator.Finished && playhead >= _generator.End)
            {
                _answering = false;
                _answer.Clear();
            }

            return;
        }

        // Decided a lead ahead, so the answer starts exactly when the pause is over (or on the
        // bar line or beat after it); a note played before then takes it back (see OnPlayer).
        var unit = AlignmentUnit;
        var answerStart = NextGridLine(_lastRelease + _options.ResponseDelayBeats, unit);
        if (!_playing || _call.Count == 0 || _listening.Held > 0 || playhead < answerStart - _options.LeadBeats)
        {
            return;
        }

        var first = _call.Min(n => n.Start);
        var length = _call.Max(n => n.End) - first;
        if (length < _options.MinCallBeats)
        {
            CallsIgnored++;
            _call.Clear();
            return;
        }

        // Aligned, the call is encoded from the bar line (or beat) at or before its first note, so
        // its notes keep their places in the bar, and it counts whole bars (or beats).
        var origin = unit > 0 ? Math.Floor((first / unit) + GridTolerance) * unit : first;
        var units = unit > 0 ? Math.Max(1, (int)Math.Ceiling(((_call.Max(n => n.End) - origin) / unit) - GridTolerance)) : 0;
        var answerLength = unit > 0
            ? Math.Max(1, Math.Ceiling(((_options.ResponseBeats ?? (units * unit)) / unit) - GridTolerance)) * unit
            : _options.ResponseBeats ?? length;
        var phrase = _call.Select(n => n with { Start = n.Start - origin }).ToList();
        _answer.AddRange(_call);
        _call.Clear();
        _generator.Restart(EncodePhrase(phrase));
        // Unaligned, the stream continues from the end of the call (its last release), which plays
        // at the answer's start. Aligned, the answer's start is on the stream's own grid as well
        // (what the model composes between the call's end and that line is not played).
        var start = unit > 0 ? NextGridLine(Math.Max(answerStart, playhead), unit) : Math.Max(answerStart, playhead);
        _generator.BeginAt(start, start + answerLength, streamPosition: unit > 0 ? start - origin : length);
        LastCallUnits = units;
        _answerStart = start;
        _answering = true;
        CallsAnswered++;
        _generator.Fill(playhead + _options.HorizonBeats, MaxTokensPerStep);
    }

    // A note released a hair before a bar line counts as ending on it.
    private const double GridTolerance = 1e-6;

    /// <summary>Beats between the lines answers start on: a bar, a beat, or 0 (unaligned).</summary>
    private double AlignmentUnit => _options.Align switch
    {
        PhraseAlignment.Bar => Meter.BarBeats,
        PhraseAlignment.Beat => 1,
        _ => 0,
    };

    /// <summary>
    /// Where a solo or accompanying stream (re)starts at or after <paramref name="earliest"/>:
    /// unaligned, there; aligned, on the grid. A stream with bars of its own (remi) keeps its place
    /// in the bar, so its bar lines fall on the performance's; other streams start on the line.
    /// </summary>
    private double AlignedStreamStart(double earliest)
    {
        var unit = AlignmentUnit;
        if (unit <= 0)
        {
            return earliest;
        }

        var position = _generator.StreamPosition;
        var phase = _tokenizer.Vocabulary.IdOf("Bar") >= 0 ? position - (Math.Floor((position / unit) + GridTolerance) * unit) : 0;
        return NextGridLine(earliest - phase, unit) + phase;
    }

    private static double NextGridLine(double beat, double unit) =>
        unit > 0 ? Math.Ceiling((beat / unit) - GridTolerance) * unit : beat;

    /// <summary>The player came back before the answer began: drop it and keep listening to the longer call.</summary>
    private void TakeBackAnswer()
    {
        Silence();
        _call.InsertRange(0, _answer);
        _answer.Clear();
        CallsAnswered--;
    }
}
