using System.Globalization;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>The loaded model (name, network, tokenizer, vocabulary, parameters) and a field to pick another.</summary>
internal sealed class ModelPane : FrameView
{
    private readonly Label _info = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 5, Text = "No model yet." };
    private readonly TextField _path = new() { X = 6, Y = 5, Width = Dim.Fill(7) };
    private readonly Button _load = new() { X = Pos.AnchorEnd(), Y = 5, ShadowStyle = ShadowStyles.None, Text = "Load", NoPadding = true, NoDecorations = true };

    public ModelPane(ModelSession session, Action<string, string?> pick)
    {
        Title = "Model (F4 pick)";
        _info.TextFormatter.WordWrap = true;
        Add(_info, new Label { X = 0, Y = 5, Text = "Path:" }, _path, _load);
        _load.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (_path.Text.Trim() is { Length: > 0 } path)
            {
                pick(path, null);
            }
        };
        _path.Accepting += (_, e) =>
        {
            e.Handled = true;
            _load.InvokeCommand(Terminal.Gui.Input.Command.Accept);
        };
        session.Changed += state => App?.Invoke(() => Show(state));
    }

    /// <summary>Puts the cursor in the path field.</summary>
    public void FocusPath() => _path.SetFocus();

    private void Show(ModelSessionState state)
    {
        if (state.Loading is not null)
        {
            _info.Text = state.Loading;
            return;
        }

        var text = state.Summary is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"Name:       {s.Name}\nNetwork:    {s.Kind}\nTokenizer:  {s.Tokenizer}, vocabulary {s.Vocabulary}\nParameters: {(s.Parameters < 0 ? "unknown" : s.Parameters.ToString("N0", CultureInfo.InvariantCulture))}")
            : "No model loaded.";
        if (state.Problem is not null)
        {
            text = $"{text}\n{state.Problem}";
        }

        _info.Text = text;
        if (state.Summary is not null && state.Problem is null)
        {
            _path.Text = state.Summary.WeightsPath;
        }
    }
}
