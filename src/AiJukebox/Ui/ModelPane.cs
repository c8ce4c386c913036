using System.Collections.ObjectModel;
using System.Globalization;

using AiJukebox.Services;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>The loaded model (name, network, tokenizer, vocabulary, parameters), a list of the models found to pick from (F4), and a field for any other path.</summary>
internal sealed class ModelPane : FrameView
{
    private readonly Label _info = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 5, Text = "No model yet." };
    private readonly TextField _path = new() { X = 6, Y = 5, Width = Dim.Fill(7) };
    private readonly Button _load = new() { X = Pos.AnchorEnd(), Y = 5, ShadowStyle = ShadowStyles.None, Text = "Load", NoPadding = true, NoDecorations = true };
    private readonly ListView _catalog = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 5, Visible = false };
    private readonly ModelSession _session;
    private readonly Func<IReadOnlyList<ModelCatalogEntry>> _find;
    private IReadOnlyList<ModelCatalogEntry> _entries = [];

    public ModelPane(ModelSession session, Action<string, string?> pick, Func<IReadOnlyList<ModelCatalogEntry>> find)
    {
        _session = session;
        _find = find;
        Title = TitleText;
        _info.TextFormatter.WordWrap = true;
        Add(_info, _catalog, new Label { X = 0, Y = 5, Text = "Path:" }, _path, _load);
        _catalog.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (_catalog.SelectedItem is int i && i >= 0 && i < _entries.Count)
            {
                var card = _entries[i].CardPath;
                CloseBrowser();
                pick(card, null);
            }
        };
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

    private const string TitleText = "Model (F4 pick)";

    /// <summary>
    /// F4: lists the models found (trained/, runs/, the last training run) in place of the
    /// summary, to pick with the arrows and Enter; F4 again goes back. With none found, the
    /// path field takes the cursor.
    /// </summary>
    public void Browse()
    {
        if (_catalog.Visible)
        {
            CloseBrowser();
            return;
        }

        _entries = _find();
        if (_entries.Count == 0)
        {
            _path.SetFocus();
            return;
        }

        _catalog.SetSource(new ObservableCollection<string>(_entries.Select(e => e.Label)));
        // Start on the loaded model: its weights sit beside its card.
        var loaded = _session.Summary is { } summary ? Path.GetDirectoryName(Path.GetFullPath(summary.WeightsPath)) : null;
        _catalog.SelectedItem = Math.Max(0, _entries.ToList().FindIndex(e => Path.GetDirectoryName(e.CardPath) == loaded));
        Title = "Model: ↑↓ Enter, F4 back";
        _info.Visible = false;
        _catalog.Visible = true;
        _catalog.SetFocus();
    }

    /// <summary>Puts the cursor in the path field.</summary>
    public void FocusPath() => _path.SetFocus();

    private void CloseBrowser()
    {
        _catalog.Visible = false;
        _info.Visible = true;
        Title = TitleText;
        _path.SetFocus();
    }

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
