using AiJukebox.Model;
using AiJukebox.Services;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>The Train screen: the form, Start/Cancel/Use, progress, and the loss plot.</summary>
internal sealed class TrainView : View
{
    private readonly TextField _source;
    private readonly TextField _run;
    private readonly TextField _preset;
    private readonly TextField _epochs;
    private readonly TextField _hidden;
    private readonly TextField _layers;
    private readonly TextField _window;
    private readonly CheckBox _resume = new() { Y = 2, Text = "Resume" };
    private readonly Button _start = new() { X = 0, Y = 4, ShadowStyle = ShadowStyles.None, Text = "Start (F5)" };
    private readonly Button _cancel = new() { Y = 4, ShadowStyle = ShadowStyles.None, Text = "Cancel (F6)", Enabled = false };
    private readonly Button _use = new() { Y = 4, ShadowStyle = ShadowStyles.None, Text = "Use this model (F7)", Enabled = false };
    private readonly ProgressBar _bar = new() { X = 0, Y = 5, Width = Dim.Fill(), Height = 1 };
    private readonly Label _numbers = new() { X = 0, Y = 6, Width = Dim.Fill(), Text = "Not started." };
    private readonly Label _message = new() { X = 0, Y = 7, Width = Dim.Fill(), Height = 2 };
    private readonly LossPlotView _plot = new() { X = 0, Y = 9 };
    private readonly TrainingController _controller;

    public TrainView(TrainingController controller, SettingsStore settings)
    {
        _controller = controller;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var saved = settings.Current;
        _source = Fields.Add(this, "Source (notes file or MIDI folder):", 0, 0, null, saved.TrainSource ?? string.Empty);
        _run = Fields.Add(this, "Run folder:", 0, 1, null, saved.TrainRun ?? string.Empty);
        _preset = Fields.Add(this, "Preset:", 0, 2, 9, saved.TrainPreset ?? "small");
        _epochs = Fields.Add(this, "Epochs:", Pos.Right(_preset) + 2, 2, 5);
        _resume.X = Pos.Right(_epochs) + 2;
        Add(_resume, new Label { X = Pos.Right(_resume) + 2, Y = 2, Text = $"presets: {string.Join(", ", TrainingPreset.Names)}" });
        _hidden = Fields.Add(this, "Hidden:", 0, 3, 6);
        _layers = Fields.Add(this, "Layers:", Pos.Right(_hidden) + 2, 3, 3);
        _window = Fields.Add(this, "Window:", Pos.Right(_layers) + 2, 3, 5);
        Add(new Label { X = Pos.Right(_window) + 2, Y = 3, Text = "(blank = the preset's)" });
        _cancel.X = Pos.Right(_start) + 1;
        _use.X = Pos.Right(_cancel) + 1;
        _message.TextFormatter.WordWrap = true;
        Add(_start, _cancel, _use, _bar, _numbers, _message, _plot);
        _start.Accepting += (_, e) => { e.Handled = true; Start(); };
        _cancel.Accepting += (_, e) => { e.Handled = true; Cancel(); };
        _use.Accepting += (_, e) => { e.Handled = true; Use(); };
        controller.Changed += () => App?.Invoke(Show);
    }

    /// <summary>Puts the cursor in the first field.</summary>
    public void FocusForm() => _source.SetFocus();

    public void Start()
    {
        if (!Fields.TryInt(_epochs, "Epochs", out var epochs, out var problem)
            || !Fields.TryInt(_hidden, "Hidden", out var hidden, out problem)
            || !Fields.TryInt(_layers, "Layers", out var layers, out problem)
            || !Fields.TryInt(_window, "Window", out var window, out problem))
        {
            _message.Text = problem!;
            return;
        }

        var request = new TrainingRequest(_source.Text.Trim(), _run.Text.Trim(), _preset.Text.Trim(), epochs, hidden, layers, window, _resume.Value == CheckState.Checked);
        _message.Text = _controller.Start(request) ?? "Starting...";
        Show();
        // Batch reports arrive many times a second; the screen samples them four times a second.
        App?.AddTimeout(TimeSpan.FromMilliseconds(250), () =>
        {
            Show();
            return _controller.State.Running;
        });
    }

    public void Cancel()
    {
        if (_controller.Cancel())
        {
            _message.Text = "Stopping after the current batch; a checkpoint is being written...";
        }
    }

    public void Use() => _controller.UseModel();

    /// <summary>Redraws from the controller's state (called on a UI timer while training runs).</summary>
    public void Show()
    {
        var state = _controller.State;
        _start.Enabled = !state.Running;
        _cancel.Enabled = state.Running;
        _use.Enabled = !state.Running && state.ModelCard is not null;
        if (state.Latest is { } latest)
        {
            _bar.Fraction = latest.Batches == 0 ? 0 : (float)latest.Batch / latest.Batches;
            _numbers.Text = TrainingProgressFormatter.Format(latest);
        }

        if (state.Message is not null)
        {
            _message.Text = state.Message;
        }

        _plot.Points = state.Epochs;
    }
}
