using System.Globalization;

using AiJukebox.Music.Sampling;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>The Generate screen: the offline generator's main options in a form, and the result's summary.</summary>
internal sealed class GenerateView : View
{
    private readonly TextField _output;
    private readonly TextField _length;
    private readonly TextField _temperature;
    private readonly TextField _topK;
    private readonly TextField _topP;
    private readonly TextField _seed;
    private readonly TextField _primer;
    private readonly TextField _tempo;
    private readonly Button _generate = new() { X = 0, Y = 4, ShadowStyle = ShadowStyles.None, Text = "Generate (F5)" };
    private readonly Button _cancel = new() { Y = 4, ShadowStyle = ShadowStyles.None, Text = "Cancel (F6)", Enabled = false };
    private readonly Button _play = new() { Y = 4, ShadowStyle = ShadowStyles.None, Text = "Play (F7)", Enabled = false };
    private readonly Button _render = new() { Y = 4, ShadowStyle = ShadowStyles.None, Text = "Render .wav (F8)", Enabled = false };
    private readonly Label _status = new() { X = 0, Y = 5, Width = Dim.Fill(), Height = 1, HotKeySpecifier = (System.Text.Rune)0xFFFF };
    private readonly Label _result = new() { X = 0, Y = 6, Width = Dim.Fill(), Height = Dim.Fill(), Text = "Nothing generated yet.", HotKeySpecifier = (System.Text.Rune)0xFFFF };
    private readonly GenerateController _controller;
    private readonly PerformController _live;
    private string? _written;

    public GenerateView(GenerateController controller, PerformController live, SettingsStore settings)
    {
        _controller = controller;
        _live = live;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var saved = settings.Current;
        var defaults = SamplingOptions.Default;
        _output = Fields.Add(this, "Output .mid:", 0, 0, null, saved.GenerateOutput ?? "generated.mid");
        _length = Fields.Add(this, "Tokens:", 0, 1, 6, "500");
        _temperature = Fields.Add(this, "Temperature:", Pos.Right(_length) + 2, 1, 5, (saved.GenerateTemperature ?? defaults.Temperature).ToString(CultureInfo.InvariantCulture));
        _topK = Fields.Add(this, "Top-k:", Pos.Right(_temperature) + 2, 1, 4, defaults.TopK.ToString(CultureInfo.InvariantCulture));
        _topP = Fields.Add(this, "Top-p:", Pos.Right(_topK) + 2, 1, 5, defaults.TopP.ToString(CultureInfo.InvariantCulture));
        _seed = Fields.Add(this, "Seed:", 0, 2, 12);
        _tempo = Fields.Add(this, "Tempo BPM:", Pos.Right(_seed) + 2, 2, 5, "120");
        _primer = Fields.Add(this, "Primer (corpus, none or a .mid file):", 0, 3, null, "corpus");
        _cancel.X = Pos.Right(_generate) + 1;
        _play.X = Pos.Right(_cancel) + 1;
        _render.X = Pos.Right(_play) + 1;
        Add(_generate, _cancel, _play, _render, new Label { X = Pos.Right(_render) + 2, Y = 4, Text = "blank seed = random" }, _status, _result);
        _result.TextFormatter.WordWrap = true;
        _generate.Accepting += (_, e) => { e.Handled = true; Generate(); };
        _cancel.Accepting += (_, e) => { e.Handled = true; _controller.Cancel(); };
        _play.Accepting += (_, e) => { e.Handled = true; Play(); };
        _render.Accepting += (_, e) => { e.Handled = true; Render(); };
    }

    public void FocusForm() => _output.SetFocus();

    public void Generate()
    {
        if (_controller.Running)
        {
            return;
        }

        if (Read() is not { } form)
        {
            return;
        }

        var task = _controller.Start(form);
        _generate.Enabled = false;
        _cancel.Enabled = true;
        _result.Text = "Generating...";
        App?.AddTimeout(TimeSpan.FromMilliseconds(200), () =>
        {
            if (_controller.Running)
            {
                _result.Text = $"Generating... {_controller.Tokens} of {form.Length} tokens";
            }

            return _controller.Running;
        });
        task.ContinueWith(t => App?.Invoke(() =>
        {
            var result = t.IsCompletedSuccessfully ? t.Result : BackgroundFailure.Report("Generation", (Exception?)t.Exception ?? new OperationCanceledException());
            _result.Text = result;
            _written = result.StartsWith("Wrote ", StringComparison.Ordinal) || result.StartsWith("Cancelled early", StringComparison.Ordinal) ? form.Output : _written;
            _play.Enabled = _render.Enabled = _written is not null;
            _generate.Enabled = true;
            _cancel.Enabled = false;
        }), TaskScheduler.Default);
    }

    public void Cancel() => _controller.Cancel();

    /// <summary>Plays the file just written to the Perform screen's output port (again: stops).</summary>
    public void Play()
    {
        if (_written is null)
        {
            _status.Text = "Generate a file first (F5).";
            return;
        }

        _live.PlayFile(_written);
    }

    /// <summary>Renders the file just written to a .wav beside it with the built-in synth.</summary>
    public void Render()
    {
        if (_written is null)
        {
            _status.Text = "Generate a file first (F5).";
            return;
        }

        // The result pane, not the status line: that one follows the output port's messages.
        var summary = _result.Text;
        _result.Text = $"{summary}\nRendering {Path.GetFileName(_written)} to .wav...";
        _controller.Render(_written).ContinueWith(t => App?.Invoke(() => _result.Text = $"{summary}\n{t.Result}"), TaskScheduler.Default);
    }

    /// <summary>Shows the output port's latest message (a UI timer calls this; opening the port takes a moment).</summary>
    public void Refresh()
    {
        if (Visible && _live.Message is { } message && _status.Text != message)
        {
            _status.Text = message;
        }
    }

    private GenerateForm? Read()
    {
        string? problem = null;
        int? length = null;
        double temperature = 1, topK = 0, topP = 1, tempo = 120;
        var ok = Fields.TryInt(_length, "Tokens", out length, out problem)
            && Fields.TryDouble(_temperature, "Temperature", 1, 0.05, 5, out temperature, out problem)
            && Fields.TryDouble(_topK, "Top-k", 0, 0, 100000, out topK, out problem)
            && Fields.TryDouble(_topP, "Top-p", 1, 0.01, 1, out topP, out problem)
            && Fields.TryDouble(_tempo, "Tempo", 120, 10, 400, out tempo, out problem);
        ulong? seed = null;
        if (ok && _seed.Text.Trim() is { Length: > 0 } seedText)
        {
            ok = ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed);
            seed = parsed;
            problem = ok ? null : $"Seed must be a whole number 0 or more (or blank for random), not '{seedText}'.";
        }

        var output = _output.Text.Trim();
        if (ok && output.Length == 0)
        {
            (ok, problem) = (false, "Output .mid is empty: name the file to write.");
        }

        if (!ok)
        {
            _result.Text = problem!;
            return null;
        }

        return new GenerateForm(output, length ?? 500, temperature, (int)topK, topP, seed, _primer.Text.Trim() is { Length: > 0 } p ? p : "corpus", tempo);
    }
}
