using AiJukebox.Configuration;
using AiJukebox.Devices;
using AiJukebox.Live;
using AiJukebox.Music;

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
    private readonly MidiOutputPort? _click;
    private string? _lost;

    private LiveRig(MidiOutputPort output, MidiInputPort? input, MidiOutputPort? click)
    {
        _output = output;
        _input = input;
        _click = click;
        _output.PortLost += (_, message) => Lose(message);
        if (_click is not null)
        {
            _click.PortLost += (_, message) => Lose(message);
        }

        if (_input is not null)
        {
            _input.PortLost += (_, message) => Lose(message);
        }
    }

    /// <summary>Raised (on a MIDI library thread) the first time a port goes away.</summary>
    public event Action<string>? PortLost;

    public string OutputName => _output.Name;

    public string? InputName => _input?.Name;

    /// <summary>The metronome's own output, or null (the clicks go to the output).</summary>
    public string? ClickName => _click?.Name;

    /// <summary>The first port-lost message, or null.</summary>
    public string? Lost => Volatile.Read(ref _lost);

    /// <summary>Opens the output (<paramref name="outputPort"/>, else a virtual port named <paramref name="virtualName"/>), the optional input and the metronome's optional own output.</summary>
    /// <exception cref="MidiDeviceException">The MIDI system or a port is missing (the message says which and what to do).</exception>
    public static LiveRig Open(string? api, string? outputPort, string virtualName, string? inputPort, string? clickPort = null)
    {
        var chosen = MidiApiNames.TryParse(api, out var named) ? named : MidiSystem.GetDefaultApi();
        var output = outputPort is not null ? MidiSystem.OpenOutput(chosen, outputPort) : MidiSystem.CreateVirtualOutput(chosen, virtualName);
        MidiInputPort? input = null;
        try
        {
            input = inputPort is null ? null : MidiSystem.OpenInput(chosen, inputPort);
            return new LiveRig(output, input, clickPort is null ? null : MidiSystem.OpenOutput(chosen, clickPort));
        }
        catch
        {
            input?.Dispose();
            output.Dispose();
            throw;
        }
    }

    /// <summary>A performer on these ports (not started). <paramref name="tapOutput"/> and <paramref name="tapInput"/> see every message (the UI's piano roll).</summary>
    /// <exception cref="ArgumentException">The options are inconsistent, or the model and tokenizer disagree.</exception>
    public Performer CreatePerformer(LiveOptions options, LoadedModel loaded, ITokenPredictor predictor, int[] primer, Func<IMidiSink, IMidiSink>? tapOutput = null, Func<IMidiInput, IMidiInput>? tapInput = null)
    {
        IMidiSink sink = new PortSink(_output);
        IMidiInput? input = _input is null ? null : new PortInput(_input);
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
        IMidiSink sink = new PortSink(_output);
        return new FilePlayback(path, tapOutput?.Invoke(sink) ?? sink);
    }

    /// <summary>Closes the ports; stop the performers first (their Stop sends the note-offs).</summary>
    public void Dispose()
    {
        _input?.Dispose();
        _click?.Dispose();
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
