using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Music;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Playing;

/// <summary>
/// The ports a performance plays through, and the performer wired to them: the composition the
/// play verb and the UI's Perform screen share. The ports stay open across performers (a synth
/// connected to the virtual output stays connected when the UI restarts the music).
/// </summary>
internal sealed class LiveRig : IDisposable
{
    private readonly MidiOutputPort _output;
    private readonly MidiInputPort? _input;
    private string? _lost;

    private LiveRig(MidiOutputPort output, MidiInputPort? input)
    {
        _output = output;
        _input = input;
        _output.PortLost += (_, message) => Lose(message);
        if (_input is not null)
        {
            _input.PortLost += (_, message) => Lose(message);
        }
    }

    /// <summary>Raised (on a MIDI library thread) the first time a port goes away.</summary>
    public event Action<string>? PortLost;

    public string OutputName => _output.Name;

    public string? InputName => _input?.Name;

    /// <summary>Whether the ports report xruns and undelivered events (AI Jukebox's JACK client).</summary>
    public bool ReportsXruns => _output.Api == MidiApi.Jack;

    /// <summary>JACK xruns since the ports opened (the output's and the input's clients see the same server).</summary>
    public long Xruns => Math.Max(_output.Xruns, _input?.Xruns ?? 0);

    /// <summary>Events the MIDI system could not deliver: output writes that did not fit a period, input events JACK lost.</summary>
    public long Undelivered => _output.Undelivered + (_input?.Undelivered ?? 0);

    /// <summary>The output's process callback durations (JACK), or null.</summary>
    public LatenessHistogram? OutputCallbackDurations => _output.CallbackDurations;

    /// <summary>A line for status displays: <c>xruns 3</c>, plus undelivered events when there were any; empty where the MIDI system does not report them.</summary>
    public string HealthText => !ReportsXruns ? "" : $"xruns {Xruns}" + (Undelivered > 0 ? $", undelivered {Undelivered}" : "");

    /// <summary>The first port-lost message, or null.</summary>
    public string? Lost => Volatile.Read(ref _lost);

    /// <summary>Opens the output (<paramref name="outputPort"/>, else a virtual port named <paramref name="virtualName"/>) and the optional input.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system or a port is missing (the message says which and what to do).</exception>
    public static LiveRig Open(string? api, string? outputPort, string virtualName, string? inputPort)
    {
        var chosen = MidiApiNames.TryParse(api, out var named) ? named : MidiSystem.GetDefaultApi();
        var output = outputPort is not null ? MidiSystem.OpenOutput(chosen, outputPort) : MidiSystem.CreateVirtualOutput(chosen, virtualName);
        try
        {
            return new LiveRig(output, inputPort is null ? null : MidiSystem.OpenInput(chosen, inputPort));
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>A performer on these ports (not started). <paramref name="tapOutput"/> and <paramref name="tapInput"/> see every message (the UI's piano roll).</summary>
    /// <exception cref="ArgumentException">The options are inconsistent, or the model and tokenizer disagree.</exception>
    public Performer CreatePerformer(LiveOptions options, LoadedModel loaded, ITokenPredictor predictor, int[] primer, Func<IMidiSink, IMidiSink>? tapOutput = null, Func<IMidiInput, IMidiInput>? tapInput = null)
    {
        IMidiSink sink = new PortSink(_output);
        IMidiInput? input = _input;
        return new Performer(
            options,
            loaded.Tokenizer,
            predictor,
            new StopwatchClock(),
            tapOutput?.Invoke(sink) ?? sink,
            input is null ? null : tapInput?.Invoke(input) ?? input,
            primer);
    }

    /// <summary>Plays a .mid file to the output (nothing else may use the output meanwhile).</summary>
    /// <exception cref="MidiImportException">The file is not readable MIDI.</exception>
    public FilePlayback PlayFile(string path, Func<IMidiSink, IMidiSink>? tapOutput = null)
    {
        IMidiSink sink = new PortSink(_output);
        return new FilePlayback(path, tapOutput?.Invoke(sink) ?? sink);
    }

    /// <summary>Closes the ports; stop the performers first (their Stop sends the note-offs).</summary>
    public void Dispose()
    {
        _input?.Dispose();
        _output.Dispose();
    }

    private void Lose(string message)
    {
        if (Interlocked.CompareExchange(ref _lost, message, null) is null)
        {
            PortLost?.Invoke(message);
        }
    }
}
