using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>
/// The window: a screen bar (F1 Perform, F2 Train, F3 Generate), the current screen, and a key
/// line. Global keys are handled before the focused view so that letters work in lists too;
/// letters are left alone while a text field has the focus.
/// </summary>
internal sealed class MainWindow : Window
{
    private readonly Label _bar = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _keys = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
    private readonly PerformView _perform;
    private readonly TrainView _train;
    private readonly GenerateView _generate;
    private readonly LogView _log;
    private readonly Dictionary<Key, Func<bool>> _bindings = [];
    private Screen _screen = Screen.Perform;
    private int _newLogLines;

    public MainWindow(PerformView perform, TrainView train, GenerateView generate, LogView log)
    {
        Title = "AI Jukebox";
        _perform = perform;
        _train = train;
        _generate = generate;
        _log = log;
        foreach (var screen in new View[] { perform, train, generate, log })
        {
            screen.X = 0;
            screen.Y = 1;
            screen.Height = Dim.Fill(1);
            screen.Visible = false;
        }

        Add(_bar, perform, train, generate, log, _keys);
        Bind(Key.F1, () => Show(Screen.Perform));
        Bind(Key.F2, () => Show(Screen.Train));
        Bind(Key.F3, () => Show(Screen.Generate));
        Bind(Key.F9, () => Show(Screen.Log));
        Bind(Key.F4, () => On(Screen.Perform, _perform.Model.Browse));
        Bind(Key.F5, () => _screen switch
        {
            Screen.Perform => Do(_perform.Ports.Refresh),
            Screen.Train => Do(_train.Start),
            _ => Do(_generate.Generate),
        });
        Bind(Key.F6, () => _screen == Screen.Train ? Do(_train.Cancel) : On(Screen.Generate, _generate.Cancel));
        Bind(Key.F7, () => _screen == Screen.Train ? Do(_train.Use) : On(Screen.Generate, _generate.Play));
        Bind(Key.F8, () => On(Screen.Generate, _generate.Render));
        Bind(Key.Q, Letter(Quit));
        Bind(Key.Q.WithCtrl, Quit);
        var live = _perform.Controller;
        Bind(Key.Space, Letter(() => Live(live.PlayStop)));
        Bind(Key.R, Letter(() => Live(live.Record)));
        Bind(Key.P, Letter(() => Live(live.Panic)));
        Bind(Key.M, Letter(() => Live(live.NextMode)));
        Bind(Key.T, Letter(() => Live(live.ToggleThru)));
        Bind(Key.K, Letter(() => Live(live.ToggleKeyLock)));
        Bind(Key.C, Letter(() => Live(live.ToggleMetronome)));
        Bind(Key.L, Letter(() => Live(live.ToggleLoop)));
        Bind(Key.U, Letter(() => Live(live.ToggleMutate)));
        Bind(new Key('+'), Letter(() => Live(() => live.ChangeTempo(5))));
        Bind(new Key('='), Letter(() => Live(() => live.ChangeTempo(5))));
        Bind(new Key('-'), Letter(() => Live(() => live.ChangeTempo(-5))));
        Bind(new Key(']'), Letter(() => Live(() => live.ChangeTemperature(0.05))));
        Bind(new Key('['), Letter(() => Live(() => live.ChangeTemperature(-0.05))));
        Show(Screen.Perform);
    }

    /// <summary>Raised on the UI thread when a model is picked (path, notes file or null).</summary>
    public event Action<string, string?>? ModelPicked;

    private enum Screen
    {
        Perform,
        Train,
        Generate,
        Log,
    }

    /// <summary>Hooks the window's keys into the application's key stream (before any view sees them).</summary>
    public void Attach(Terminal.Gui.App.IApplication app) => app.Keyboard.KeyDown += (_, key) =>
    {
        if (_bindings.TryGetValue(key, out var action) && action())
        {
            key.Handled = true;
        }
    };

    /// <summary>Shows a screen and moves the focus into it.</summary>
    private bool Show(Screen screen)
    {
        _screen = screen;
        _perform.Visible = screen == Screen.Perform;
        _train.Visible = screen == Screen.Train;
        _generate.Visible = screen == Screen.Generate;
        _log.Visible = screen == Screen.Log;
        if (screen == Screen.Log)
        {
            _log.MarkSeen();
        }

        ShowBar();
        _keys.Text = screen switch
        {
            Screen.Perform => "Spc play R rec P panic M mode +-BPM []T T thru K key C click L loop U mutate",
            Screen.Train => "F5 start  F6 cancel (checkpoint)  F7 use this model  Tab move",
            Screen.Log => "What native libraries printed while the UI ran  F1 back",
            _ => "F5 generate  F6 cancel  F7 play it (again: stop)  F8 render .wav  Tab move",
        };
        switch (screen)
        {
            case Screen.Log:
                _log.SetFocus();
                break;
            case Screen.Train:
                _train.FocusForm();
                break;
            case Screen.Generate:
                _generate.FocusForm();
                break;
            default:
                _perform.Ports.SetFocus();
                break;
        }

        return true;
    }

    /// <summary>Redraws what changes by itself: the transport, the piano roll, the live messages, the log (a UI timer calls this).</summary>
    public void Refresh()
    {
        _perform.Refresh();
        _generate.Refresh();
        if (_log.Refresh() && _log.NewLines != _newLogLines)
        {
            ShowBar();
        }
    }

    private void ShowBar()
    {
        _newLogLines = _log.NewLines;
        var log = _newLogLines > 0 ? $"F9 Log ({_newLogLines} new)" : "F9 Log";
        _bar.Text = string.Join("  ", new[] { (Screen.Perform, "F1 Perform"), (Screen.Train, "F2 Train"), (Screen.Generate, "F3 Generate"), (Screen.Log, log) }
            .Select(s => s.Item1 == _screen ? $"[{s.Item2}]" : $" {s.Item2} ")) + "  q quit";
    }

    /// <summary>Loads a model chosen on the Perform screen.</summary>
    public void PickModel(string path, string? notes) => ModelPicked?.Invoke(path, notes);

    /// <summary>"Use this model" from Train: load it and go to Perform.</summary>
    public void UseModel(string modelCard, string notes)
    {
        ModelPicked?.Invoke(modelCard, notes);
        Show(Screen.Perform);
    }

    private static bool Do(Action action)
    {
        action();
        return true;
    }

    private void Bind(Key key, Func<bool> action) => _bindings[key] = action;

    private bool On(Screen screen, Action action) => _screen == screen && Do(action);

    /// <summary>A plain letter (or Space) is a command only when the focus is not in a text field.</summary>
    private Func<bool> Letter(Func<bool> action) => () => App?.Navigation?.GetFocused() is not TextField && action();

    private bool Quit()
    {
        App?.RequestStop();
        return true;
    }

    /// <summary>Live keys act on the Perform screen only (elsewhere the letters are the forms' own).</summary>
    private bool Live(Action action)
    {
        if (_screen != Screen.Perform)
        {
            return false;
        }

        action();
        _perform.Refresh();
        return true;
    }
}
