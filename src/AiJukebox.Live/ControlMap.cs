namespace AiJukebox.Live;

/// <summary>
/// Which control-change numbers from the player's keyboard steer the jukebox (as Magenta's MIDI
/// interface does). Mapped controls are consumed: not echoed, not recorded. The defaults use the
/// undefined controllers 14–23; null turns a control off.
/// </summary>
public sealed record ControlMap
{
    private readonly int? _temperature = 14;
    private readonly int? _tempo = 15;
    private readonly int? _mode = 16;
    private readonly int? _startStop = 17;
    private readonly int? _panic = 18;
    private readonly int? _keyLock = 19;
    private readonly int? _metronome = 20;
    private readonly int? _loop = 21;
    private readonly int? _mutate = 22;
    private readonly int? _nextModel = 23;
    private readonly double _minTemperature = 0.1;
    private readonly double _maxTemperature = 2.0;
    private readonly double _minTempo = 40;
    private readonly double _maxTempo = 240;

    /// <summary>Sets the temperature: 0–127 maps linearly onto <see cref="MinTemperature"/>–<see cref="MaxTemperature"/>.</summary>
    public int? TemperatureCc { get => _temperature; init => _temperature = OptionCheck.ControlNumber(value, nameof(TemperatureCc)); }

    /// <summary>Sets the tempo: 0–127 maps linearly onto <see cref="MinTempo"/>–<see cref="MaxTempo"/> BPM.</summary>
    public int? TempoCc { get => _tempo; init => _tempo = OptionCheck.ControlNumber(value, nameof(TempoCc)); }

    /// <summary>Picks the mode: 0–42 solo, 43–85 call-and-response, 86–127 accompany.</summary>
    public int? ModeCc { get => _mode; init => _mode = OptionCheck.ControlNumber(value, nameof(ModeCc)); }

    /// <summary>64–127 starts the jukebox playing, 0–63 stops it (a latching button sends 127 then 0).</summary>
    public int? StartStopCc { get => _startStop; init => _startStop = OptionCheck.ControlNumber(value, nameof(StartStopCc)); }

    /// <summary>64–127: all notes off and the jukebox stops playing.</summary>
    public int? PanicCc { get => _panic; init => _panic = OptionCheck.ControlNumber(value, nameof(PanicCc)); }

    /// <summary>64–127 locks the key where it is, 0–63 unlocks it (it follows what is played again).</summary>
    public int? KeyLockCc { get => _keyLock; init => _keyLock = OptionCheck.ControlNumber(value, nameof(KeyLockCc)); }

    /// <summary>64–127 turns the metronome on, 0–63 off.</summary>
    public int? MetronomeCc { get => _metronome; init => _metronome = OptionCheck.ControlNumber(value, nameof(MetronomeCc)); }

    /// <summary>64–127 loops the jukebox's last bars (<see cref="LiveOptions.LoopBars"/>), 0–63 goes back to the model.</summary>
    public int? LoopCc { get => _loop; init => _loop = OptionCheck.ControlNumber(value, nameof(LoopCc)); }

    /// <summary>The loop's mutation: 0–127 maps onto the share of its bars composed anew on each pass, 0–1 (0 repeats it as it is).</summary>
    public int? MutateCc { get => _mutate; init => _mutate = OptionCheck.ControlNumber(value, nameof(MutateCc)); }

    /// <summary>64–127: the next model of the list (<c>play --models</c>) takes over at the next phrase.</summary>
    public int? NextModelCc { get => _nextModel; init => _nextModel = OptionCheck.ControlNumber(value, nameof(NextModelCc)); }

    /// <summary>Temperature at control value 0.</summary>
    public double MinTemperature { get => _minTemperature; init => _minTemperature = OptionCheck.Range(value, 0, 10, nameof(MinTemperature)); }

    /// <summary>Temperature at control value 127.</summary>
    public double MaxTemperature { get => _maxTemperature; init => _maxTemperature = OptionCheck.Range(value, 0, 10, nameof(MaxTemperature)); }

    /// <summary>Tempo in BPM at control value 0.</summary>
    public double MinTempo { get => _minTempo; init => _minTempo = OptionCheck.Range(value, LiveOptions.SlowestTempo, LiveOptions.FastestTempo, nameof(MinTempo)); }

    /// <summary>Tempo in BPM at control value 127.</summary>
    public double MaxTempo { get => _maxTempo; init => _maxTempo = OptionCheck.Range(value, LiveOptions.SlowestTempo, LiveOptions.FastestTempo, nameof(MaxTempo)); }

    /// <summary>True when <paramref name="controller"/> is mapped to one of the controls.</summary>
    public bool IsMapped(int controller) =>
        controller == TemperatureCc || controller == TempoCc || controller == ModeCc || controller == StartStopCc || controller == PanicCc || controller == KeyLockCc || controller == MetronomeCc || controller == LoopCc
        || controller == MutateCc || controller == NextModelCc;
}
