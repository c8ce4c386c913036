using System.Globalization;

using AiJukebox.Live;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>Transport state, live controls with their sliders (keys or mouse), counters, and the piano roll.</summary>
internal sealed class TransportPane : FrameView
{
    private const int SliderWidth = 6;
    private const double MinTempo = 40;
    private const double MaxTempo = 240;
    private const double MinTemperature = 0.1;
    private const double MaxTemperature = 2;
    private readonly TransportLine _state = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _counters = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
    private readonly PerformController _controller;
    private readonly RollModel _roll;
    private readonly PianoRollView _view;
    private bool _wasScrolling;

    public TransportPane(PerformController controller)
    {
        _controller = controller;
        _roll = new RollModel(controller.Tap);
        _view = new PianoRollView(_roll, () => _controller.Status?.Bpm ?? _controller.Options.Tempo) { X = 0, Y = 2 };
        Title = "Transport";
        Add(_state, _counters, _view);
        Refresh();
    }

    /// <summary>Reads the performer's status and the tap (called on a UI timer).</summary>
    public void Refresh()
    {
        var options = _controller.Options;
        var status = _controller.Status;
        var playing = status is { Playing: true } && _controller.Running;
        var tempo = status?.Bpm ?? options.Tempo;
        var temperature = status?.Temperature ?? options.Sampling.Temperature;
        var take = _controller.Take is { } path ? $"REC {Path.GetFileName(path)} {_controller.RecordingTime:m\\:ss}  " : string.Empty;
        var head = string.Create(CultureInfo.InvariantCulture, $"{(playing ? "> playing" : "[] stopped")}  {Describe(options.Mode)}  {tempo:0} BPM ");
        var middle = string.Create(CultureInfo.InvariantCulture, $"  T {temperature:0.00} ");
        var tempoColumn = head.Length;
        var temperatureColumn = tempoColumn + SliderWidth + 2 + middle.Length;
        _state.Show(
            $"{head}{Slider(tempo, MinTempo, MaxTempo)}{middle}{Slider(temperature, MinTemperature, MaxTemperature)}  thru {(options.Thru ? "on" : "off")}{(status is { Metronome: true } || (status is null && options.Metronome) ? "  click" : string.Empty)}{(status is { Looping: true } ? status.Mutate > 0 ? $"  loop, mutate {status.Mutate:0.##}" : "  loop" : string.Empty)}",
            new TransportLine.Slider(tempoColumn, SliderWidth, MinTempo, MaxTempo, v => _controller.ChangeTempo(Math.Round(v) - _controller.Options.Tempo)),
            new TransportLine.Slider(temperatureColumn, SliderWidth, MinTemperature, MaxTemperature, v => _controller.ChangeTemperature(Math.Round(v * 20) / 20 - _controller.Options.Sampling.Temperature)));
        _roll.Update(PianoRollView.Span(Math.Max(1, _view.Viewport.Width), tempo) + TimeSpan.FromSeconds(1));
        var sounding = _roll.Sounding();
        SetText(_counters, status is null
            ? "Space plays the model on the chosen output; R records a take; P ends every note."
            : string.Create(CultureInfo.InvariantCulture, $"{take}notes {status.NotesPlayed}  heard {status.PlayerNotes}  {Playing.KeyText.Describe(status)}  {(status.ModelSwitches > 0 ? $"models switched {status.ModelSwitches}  " : string.Empty)}late {status.LateMessages}  ahead {status.HeadroomBeats:F2} beats  {(_controller.Health.Length == 0 ? string.Empty : _controller.Health + "  ")}{(sounding.Length == 0 ? string.Empty : "sounding " + sounding)}"));

        // An idle screen costs nothing: the roll only scrolls while there are notes on it.
        if (_roll.Notes.Count > 0 || _wasScrolling)
        {
            _view.SetNeedsDraw();
        }

        _wasScrolling = _roll.Notes.Count > 0;
    }

    private static void SetText(Label label, string text)
    {
        if (label.Text != text)
        {
            label.Text = text;
        }
    }

    private static string Describe(PerformanceMode mode) => mode switch
    {
        PerformanceMode.CallResponse => "call-response",
        PerformanceMode.Accompany => "accompany",
        _ => "solo",
    };

    private static string Slider(double value, double min, double max)
    {
        var filled = (int)Math.Round(Math.Clamp((value - min) / (max - min), 0, 1) * SliderWidth);
        return "[" + new string('=', filled) + new string('-', SliderWidth - filled) + "]";
    }
}
