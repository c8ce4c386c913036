using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Music;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Playing;

/// <summary>
/// The ports a performance plays through, and the performer wired to them: the composition the
/// play verb and the UI's Perform screen share. The output is a MIDI port or the built-in synth.
/// The ports stay open across performers (a synth connected to the virtual output stays connected
/// when the UI restarts the music).
/// </summary>
internal sealed class LiveRig : IDisposable
{
    /// <summary>The output name (<c>--out synth</c>, the UI's choice) that picks the built-in synth rather than a MIDI port.</summary>
    public const string SynthChoice = "synth";

    private readonly MidiOutputPort? _output;
    private readonly FluidSynthOutput? _synth;
    private readonly MidiInputPort? _input;
    private readonly MidiOutputPort? _click;
    private string? _lost;

    private LiveRig(MidiOutputPort? output, FluidSynthOutput? synth, MidiInputPort? input, MidiOutputPort? click, string? fallback)
    {
        _output = output;
        _synth = synth;
        _input = input;
        _click = click;
        Fallback = fallback;
        if (_click is not null)
        {
            _click.PortLost += (_, message) => Lose(message);
        }

        if (_output is not null)
        {
            _output.PortLost += (_, message) => Lose(message);
        }

        if (_input is not null)
        {
            _input.PortLost += (_, message) => Lose(message);
        }
    }

    /// <summary>Raised (on a MIDI library thread) the first time a port goes away.</summary>
    public event Action<string>? PortLost;

    public string OutputName => _synth?.Name ?? _output!.Name;

    /// <summary>True when the output is the built-in synth.</summary>
    public bool IsSynth => _synth is not null;

    /// <summary>Why the built-in synth plays instead of the MIDI output asked for by default, or null.</summary>
    public string? Fallback { get; }

    public string? InputName => _input?.Name;

    /// <summary>The metronome's own output, or null (the clicks go to the output).</summary>
    public string? ClickName => _click?.Name;

    /// <summary>Whether the ports report xruns and undelivered events (AI Jukebox's JACK client).</summary>
    public bool ReportsXruns => _output?.Api == MidiApi.Jack;

    /// <summary>JACK xruns since the ports opened (the output's and the input's clients see the same server).</summary>
    public long Xruns => Math.Max(_output?.Xruns ?? 0, _input?.Xruns ?? 0);

    /// <summary>Events the MIDI system could not deliver: output writes that did not fit a period, input events JACK lost.</summary>
    public long Undelivered => (_output?.Undelivered ?? 0) + (_input?.Undelivered ?? 0);

    /// <summary>The output's process callback durations (JACK), or null.</summary>
    public LatenessHistogram? OutputCallbackDurations => _output?.CallbackDurations;

    /// <summary>A line for status displays: <c>xruns 3</c>, plus undelivered events when there were any; empty where the MIDI system does not report them.</summary>
    public string HealthText => !ReportsXruns ? "" : $"xruns {Xruns}" + (Undelivered > 0 ? $", undelivered {Undelivered}" : "");

    /// <summary>The first port-lost message, or null.</summary>
    public string? Lost => Volatile.Read(ref _lost);

    /// <summary>
    /// Opens the output (<paramref name="outputPort"/>: a port, or <see cref="SynthChoice"/> for the
    /// built-in synth; null: a virtual port named <paramref name="virtualName"/>), the optional input
    /// and the metronome's optional own output (<paramref name="clickPort"/>).
    /// With <paramref name="synthWhenNoMidi"/>, a virtual port that cannot be made (no MIDI system,
    /// no JACK server) gives way to the built-in synth, and <see cref="Fallback"/> says why.
    /// </summary>
    /// <exception cref="MidiDeviceException">The MIDI system, a port or the synth is missing (the message says which and what to do).</exception>
    public static LiveRig Open(string? api, string? outputPort, string virtualName, string? inputPort, SynthOptions? synth = null, bool synthWhenNoMidi = false, string? clickPort = null)
    {
        MidiOutputPort? output = null;
        MidiInputPort? input = null;
        FluidSynthOutput? synthOutput = null;
        string? fallback = null;
        try
        {
            if (NamesSynth(outputPort))
            {
                synthOutput = FluidSynthOutput.Open(synth ?? new SynthOptions());
            }
            else if (outputPort is not null)
            {
                output = MidiSystem.OpenOutput(Api(api), outputPort);
            }
            else
            {
                try
                {
                    output = MidiSystem.CreateVirtualOutput(Api(api), virtualName);
                }
                catch (MidiDeviceException noMidi) when (synthWhenNoMidi)
                {
                    synthOutput = OpenFallback(synth, noMidi);
                    fallback = $"No MIDI output ({noMidi.Message.TrimEnd('.')}): playing through the built-in synth.";
                }
            }

            input = inputPort is null ? null : MidiSystem.OpenInput(Api(api), inputPort);
            return new LiveRig(output, synthOutput, input, clickPort is null ? null : MidiSystem.OpenOutput(Api(api), clickPort), fallback);
        }
        catch
        {
            input?.Dispose();
            output?.Dispose();
            synthOutput?.Dispose();
            throw;
        }
    }

    /// <summary>Whether an output name picks the built-in synth (<c>synth</c>, or the UI's list entry).</summary>
    public static bool NamesSynth(string? outputPort) =>
        string.Equals(outputPort, SynthChoice, StringComparison.OrdinalIgnoreCase) || outputPort == FluidSynthOutput.DisplayName;

    private static MidiApi Api(string? api) => MidiApiNames.TryParse(api, out var named) ? named : MidiSystem.GetDefaultApi();

    private static FluidSynthOutput OpenFallback(SynthOptions? synth, MidiDeviceException noMidi)
    {
        try
        {
            return FluidSynthOutput.Open(synth ?? new SynthOptions());
        }
        catch (SynthException noSynth)
        {
            throw new MidiDeviceException($"{noMidi.Message.TrimEnd('.')}; and the built-in synth cannot play either: {noSynth.Message}", noSynth);
        }
    }

    /// <summary>A performer on these ports (not started). <paramref name="tapOutput"/> and <paramref name="tapInput"/> see every message (the UI's piano roll).</summary>
    /// <exception cref="ArgumentException">The options are inconsistent, or the model and tokenizer disagree.</exception>
    public Performer CreatePerformer(LiveOptions options, LoadedModel loaded, ITokenPredictor predictor, int[] primer, Func<IMidiSink, IMidiSink>? tapOutput = null, Func<IMidiInput, IMidiInput>? tapInput = null)
    {
        var sink = Sink();
        IMidiInput? input = _input;
        return new Performer(
            options,
            loaded.Tokenizer,
            predictor,
            new StopwatchClock(),
            tapOutput?.Invoke(sink) ?? sink,
            input is null ? null : tapInput?.Invoke(input) ?? input,
            primer,
            clickSink: _click is null ? null : new PortSink(_click));
    }

    /// <summary>Plays a .mid file to the output (nothing else may use the output meanwhile).</summary>
    /// <exception cref="MidiImportException">The file is not readable MIDI.</exception>
    public FilePlayback PlayFile(string path, Func<IMidiSink, IMidiSink>? tapOutput = null)
    {
        var sink = Sink();
        return new FilePlayback(path, tapOutput?.Invoke(sink) ?? sink);
    }

    /// <summary>Closes the ports; stop the performers first (their Stop sends the note-offs).</summary>
    public void Dispose()
    {
        _input?.Dispose();
        _click?.Dispose();
        _output?.Dispose();
        _synth?.Dispose();
    }

    private IMidiSink Sink() => _synth is not null ? new SynthSink(_synth) : new PortSink(_output!);

    private void Lose(string message)
    {
        if (Interlocked.CompareExchange(ref _lost, message, null) is null)
        {
            PortLost?.Invoke(message);
        }
    }
}
