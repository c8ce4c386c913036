using AiJukebox.Music;
using AiJukebox.Music.Generation;
using AiJukebox.Music.Realtime;
using AiJukebox.Music.Sampling;


namespace AiJukebox.Live;

/// <summary>
/// A live performance: a generator thread composes a horizon ahead, a dedicated real-time clock
/// thread sends each message on time, the player's input is echoed, recorded and listened to,
/// and the take is autosaved. Every way of stopping — <see cref="Stop"/>, <see cref="Dispose"/>,
/// an error on either thread — ends all sounding notes (note-offs, then All Notes Off).
/// </summary>
public sealed class Performer : IDisposable
{
    private const int QueueCapacity = 4096;
    private const int EventCapacity = 8192;
    private const int GeneratorPollMilliseconds = 5;

    private readonly LiveOptions _options;
    private readonly IClock _clock;
    private readonly Scheduler _scheduler;
    private readonly LookaheadGenerator _generator;
    private readonly Conductor _conductor;
    private readonly long _spinWindowTicks;
    private readonly int _pollMilliseconds;
    private readonly object _stopLock = new();
    private Thread? _clockThread;
    private Thread? _generatorThread;
    private volatile bool _stopping;
    private volatile Exception? _fault;
    private bool _started;
    private volatile bool _stopped;
    private long _switches;

    /// <summary>Sets up a performance; nothing plays until <see cref="Start"/>.</summary>
    /// <param name="options">Settings (checked here).</param>
    /// <param name="tokenizer">The model's tokenizer: encodes the player's notes, decodes the model's tokens, gives the grammar.</param>
    /// <param name="predictor">The stateful model; called only from the generator thread.</param>
    /// <param name="clock">Time source.</param>
    /// <param name="sink">Output; called only from the clock thread (or after it stopped).</param>
    /// <param name="input">The player's timestamped messages, or null for none.</param>
    /// <param name="primer">Tokens that seed solo and accompany (for example a window of the notes file); may be empty.</param>
    /// <param name="saveTake">Writes a take atomically; null uses <see cref="MidiFileWriter.Save"/>.</param>
    /// <param name="clickSink">Where the metronome clicks go (a second port); null sends them to <paramref name="sink"/>. Called from the clock thread only.</param>
    /// <exception cref="ArgumentException">The options are inconsistent, or the model and the tokenizer disagree.</exception>
    public Performer(
        LiveOptions options,
        ITokenizer tokenizer,
        ITokenPredictor predictor,
        IClock clock,
        IMidiSink sink,
        IMidiInput? input = null,
        IReadOnlyList<int>? primer = null,
        Action<string, MidiSong>? saveTake = null,
        IMidiSink? clickSink = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        var model = new ModelParts(tokenizer, predictor, options.Sampling, options.Seed);

        _options = options;
        _clock = clock;
        _spinWindowTicks = clock.Frequency * 2 / 1000;
        // With a keyboard, echo (thru) latency matters: poll each millisecond. Without one, only
        // control requests are polled, and a few milliseconds is soon enough; fewer wakeups
        // leave more of a small machine to the audio server.
        _pollMilliseconds = input is null ? 4 : 1;
        var outgoing = new SpscRing<ScheduledMessage>(QueueCapacity);
        var events = new SpscRing<LiveEvent>(EventCapacity);
        var meter = options.Meter ?? MeterOf(primer, tokenizer.Vocabulary) ?? BarMeter.CommonTime;
        _scheduler = new Scheduler(clock, sink, input, outgoing, events, options, new ClickTrack(meter.BarBeats, options.CountInBars * meter.BarBeats, options.Metronome), clickSink);
        _generator = new LookaheadGenerator(model.Tokens, model.Decoder, new OutputMapping(options), outgoing);
        _conductor = new Conductor(options, model, clock, _scheduler, _generator, events, [.. primer ?? []], saveTake ?? MidiFileWriter.Save, meter);
        _conductor.NextModelRequested += () => NextModelRequested?.Invoke();
    }

    /// <summary>
    /// The player asked for the next model (the <see cref="ControlMap.NextModelCc"/> control);
    /// raised on the generator thread, so a handler must return at once (load the model elsewhere,
    /// then call <see cref="SwitchModel"/>).
    /// </summary>
    public event Action? NextModelRequested;

    /// <summary>The error that stopped the performance (model, port, ...), or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>True from <see cref="Start"/> until it stops (by <see cref="Stop"/> or an error).</summary>
    public bool IsRunning => _started && !_stopped && _fault is null;

    /// <summary>The clock thread's lateness per message.</summary>
    public LatenessHistogram Lateness => _scheduler.Lateness;

    /// <summary>A snapshot for status lines (any thread; counters may be a moment stale).</summary>
    public PerformerStatus Status => new(
        _conductor.Mode,
        _conductor.Playing,
        _scheduler.Bpm,
        _conductor.Sampler.Options.Temperature,
        _scheduler.Playhead,
        _conductor.NotesPlayed,
        _conductor.PlayerNotes,
        _conductor.CallsAnswered,
        _conductor.CallsIgnored,
        _conductor.HeadroomBeats,
        Lateness.CountLaterThan(1.0),
        Lateness.Percentile(0.99),
        Lateness.MaxMilliseconds,
        _fault?.Message,
        _conductor.TakeError,
        _conductor.Key,
        _conductor.KeyState,
        _conductor.Meter,
        _scheduler.MetronomeOn,
        _conductor.Looping,
        _conductor.MutateShare,
        _conductor.ModelSwitches);

    /// <summary>Changes the tempo (any thread); takes effect at once, also for queued notes.</summary>
    public void SetTempo(double bpm) => _scheduler.RequestTempo(OptionCheck.Range(bpm, LiveOptions.SlowestTempo, LiveOptions.FastestTempo, "tempo"));

    /// <summary>Changes the sampling temperature (any thread); takes effect within the horizon.</summary>
    public void SetTemperature(double temperature) => _conductor.RequestTemperature(OptionCheck.Range(temperature, 0, 10, "temperature"));

    /// <summary>Changes the mode (any thread).</summary>
    public void SetMode(PerformanceMode mode) => _conductor.RequestMode(mode);

    /// <summary>Starts or stops the jukebox's playing without ending the performance (any thread).</summary>
    public void SetPlaying(bool playing) => _conductor.RequestPlaying(playing);

    /// <summary>
    /// Locks the key where it is (true), lets it follow what is played again (false), or toggles
    /// (null); any thread. Does nothing with the key off, or when no key has been heard yet.
    /// </summary>
    public void SetKeyLocked(bool? locked) => _conductor.RequestKeyLock(locked);

    /// <summary>Turns the metronome on (true), off (false) or over (null); any thread, from the next beat.</summary>
    public void SetMetronome(bool? on) => _scheduler.RequestMetronome(on ?? !_scheduler.MetronomeOn);

    /// <summary>
    /// Loops the jukebox's last <see cref="LiveOptions.LoopBars"/> bars from the next bar line
    /// (true), goes back to the model (false), or toggles (null); any thread. Solo and accompany only.
    /// </summary>
    public void SetLooping(bool? on) => _conductor.RequestLoop(on);

    /// <summary>
    /// Sets the share (0–1) of the loop's bars the model composes anew on each pass after the
    /// first (<see cref="LiveOptions.Mutate"/>); 0 repeats the loop as it is. Any thread.
    /// </summary>
    public void SetMutate(double share) => _conductor.RequestMutate(OptionCheck.Range(share, 0, 1, "mutate"));

    /// <summary>
    /// Another model takes over at the next phrase (the next bar line the music has not reached
    /// in solo and accompany, the next bar of a loop, the next answer in call-and-response),
    /// primed with the last bars played, encoded by <paramref name="tokenizer"/>: its vocabulary
    /// may differ from the current model's. The music does not stop. Any thread; load the model
    /// and create <paramref name="predictor"/> off the music's threads first. A switch still
    /// waiting for its moment is superseded.
    /// </summary>
    /// <returns>
    /// Completes with the predictor the performance no longer uses once it is done with it: the
    /// one replaced; or <paramref name="predictor"/> itself when it never played (superseded, or
    /// the performance stopped first). The caller owns every predictor and disposes it.
    /// </returns>
    /// <exception cref="ArgumentException">The model and the tokenizer disagree.</exception>
    public Task<ITokenPredictor> SwitchModel(ITokenizer tokenizer, ITokenPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(predictor);
        var parts = new ModelParts(tokenizer, predictor, _options.Sampling, _options.Seed + (ulong)Interlocked.Increment(ref _switches));
        var retired = _conductor.RequestModel(parts);
        if (_stopped)
        {
            _conductor.AbandonRequestedModel();
        }

        return retired;
    }

    /// <summary>All notes off and the jukebox stops playing until started again (any thread).</summary>
    public void Panic() => _conductor.RequestPanic();

    /// <summary>Starts the clock and generator threads; the first notes are composed before the clock starts.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        StartCore();
        _generatorThread = new Thread(GeneratorLoop) { Name = "AI Jukebox generator", IsBackground = true };
        _clockThread = new Thread(ClockLoop) { Name = "AI Jukebox clock", IsBackground = true };
        TrySetPriority(_generatorThread, ThreadPriority.AboveNormal);
        TrySetPriority(_clockThread, ThreadPriority.Highest);
        _clockThread.Start();
        _generatorThread.Start();
    }

    /// <summary>
    /// Stops both threads, ends every sounding note (note-offs, All Notes Off on the channels
    /// used) and saves the complete take. Safe to call more than once and after an error; does
    /// not throw (see <see cref="Fault"/> and <see cref="PerformerStatus.TakeError"/>).
    /// </summary>
    public void Stop()
    {
        lock (_stopLock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _stopping = true;
            _generatorThread?.Join();
            _clockThread?.Join();
            _conductor.AbandonModelSwitches();
            if (!_started)
            {
                return;
            }

            try
            {
                // Both threads are gone: this thread now owns the sink and both rings.
                _scheduler.DropQueued();
                _scheduler.Panic();
            }
            catch (Exception e)
            {
                SetFault(e);
            }

            _conductor.DrainEvents();
            _conductor.SaveTake();
        }
    }

    /// <summary>Same as <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();

    /// <summary>Starts without threads, for tests that drive <see cref="Step"/> on a manual clock.</summary>
    internal void StartCore()
    {
        if (_started)
        {
            throw new InvalidOperationException("The performance has already been started.");
        }

        _started = true;

        // Compose the first horizon (primer included) before beat 0 is anchored to the clock:
        // composing can take tens of milliseconds (LibTorch: 80 ms measured), and those must not
        // make the first notes late.
        _conductor.Step();
        _scheduler.Start();
        if (_options.Program is { } program)
        {
            _scheduler.SendNow((byte)(0xC0 | _options.Channel), (byte)program, 0);
        }

        // Compiles the clock thread's path before it has deadlines to meet.
        _scheduler.Pump();
    }

    /// <summary>One round of both threads' work, on the calling thread (tests).</summary>
    internal long Step()
    {
        _conductor.Step();
        return _scheduler.Pump();
    }

    internal Conductor Conductor => _conductor;

    private void ClockLoop()
    {
        try
        {
            while (!_stopping && _fault is null)
            {
                var next = _scheduler.Pump();
                var untilWindow = next - _clock.Now - _spinWindowTicks;
                if (untilWindow > 0 || _scheduler.HandsAhead)
                {
                    // Far from the next message, or the sink places messages at their own time (then
                    // "next" is when to hand one over, well ahead): a coarse sleep that polls input
                    // and requests, never past the start of the window before the message.
                    // Divided, not multiplied: an empty queue's "next" is long.MaxValue.
                    var milliseconds = untilWindow / Math.Max(1, _clock.Frequency / 1000);
                    _clock.Sleep((int)Math.Clamp(milliseconds, 1, _pollMilliseconds));
                }
                else
                {
                    // Close to it: a precise wait to the deadline itself.
                    _clock.WaitUntil(next);
                }
            }
        }
        catch (Exception e)
        {
            SetFault(e);
        }

        if (_fault is not null)
        {
            try
            {
                _scheduler.DropQueued();
                _scheduler.Panic();
            }
            catch (Exception)
            {
                // The port is gone; Stop will try again and report the first error.
            }
        }
    }

    private void GeneratorLoop()
    {
        try
        {
            while (!_stopping && _fault is null)
            {
                _conductor.Step();
                // The horizon is a beat or more; a few milliseconds between steps cost nothing
                // musically and keep this thread's wakeups from crowding the audio server's.
                _clock.Sleep(GeneratorPollMilliseconds);
            }
        }
        catch (Exception e)
        {
            SetFault(e);
        }
    }

    /// <summary>The metre of the primer's first <c>TimeSig</c> token (a remi model's), or null.</summary>
    private static BarMeter? MeterOf(IReadOnlyList<int>? primer, Vocabulary vocabulary)
    {
        foreach (var token in primer ?? [])
        {
            if ((uint)token < (uint)vocabulary.Count && BarMeter.FromToken(vocabulary[token]) is { } meter)
            {
                return meter;
            }
        }

        return null;
    }

    private void SetFault(Exception e) => Interlocked.CompareExchange(ref _fault, e, null);

    private static void TrySetPriority(Thread thread, ThreadPriority priority)
    {
        try
        {
            thread.Priority = priority;
        }
        catch (Exception e) when (e is PlatformNotSupportedException or ThreadStateException or UnauthorizedAccessException)
        {
            // Not allowed here (an unprivileged Linux process cannot raise priority): run at normal.
        }
    }
}
