using System.Collections.ObjectModel;

using AiJukebox.Services;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>
/// Output and input port lists of the MIDI system, refreshed off the UI thread (F5). Without a MIDI
/// system the built-in synth is the one output, and the pane says why beneath it.
/// </summary>
internal sealed class PortsPane : FrameView
{
    private readonly ListView _outputs = new() { X = 0, Y = 1, Width = Dim.Percent(50), Height = Dim.Fill() };
    private readonly ListView _inputs = new() { X = Pos.Percent(50), Y = 1, Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly Label _problem = new() { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), Visible = false };
    private readonly Label _outTitle = new() { X = 0, Y = 0, Text = "Output" };
    private readonly Label _inTitle = new() { X = Pos.Percent(50), Y = 0, Text = "Input (keyboard)" };
    private readonly Func<string?> _api;
    private PortListing? _listing;
    private bool _refreshing;
    private bool _showing;

    public PortsPane(Func<string?> api, string? preferredOut, string? preferredIn)
    {
        _api = api;
        PreferredOut = preferredOut;
        PreferredIn = preferredIn;
        Title = "Ports (F5 refresh)";
        _problem.TextFormatter.WordWrap = true;
        Add(_outTitle, _inTitle, _outputs, _inputs, _problem);
        _outputs.ValueChanged += (_, _) => UserChose();
        _inputs.ValueChanged += (_, _) => UserChose();
    }

    /// <summary>Raised on the UI thread when the user picks another port (not when a refresh selects one).</summary>
    public event Action? Chosen;

    public string? PreferredOut { get; private set; }

    public string? PreferredIn { get; private set; }

    /// <summary>The chosen output (<see cref="PortListing.Synth"/> when there is no MIDI system), or null before the first listing.</summary>
    public string? Output => Pick(_outputs, _listing?.Outputs);

    /// <summary>The chosen input ("none" = no keyboard).</summary>
    public string? Input => Pick(_inputs, _listing?.Inputs);

    /// <summary>The listing last read (its API and problem, if any).</summary>
    public PortListing? Listing => _listing;

    /// <summary>Lists the ports again without blocking the UI (RtMidi enumeration can take a moment).</summary>
    public void Refresh()
    {
        if (_refreshing)
        {
            return;
        }

        _refreshing = true;
        PreferredOut = Output ?? PreferredOut;
        PreferredIn = Input ?? PreferredIn;
        Title = "Ports (refreshing...)";
        var api = _api();
        Task.Run(() => PortListing.Read(api)).ContinueWith(
            t => App?.Invoke(() => Show(t.IsCompletedSuccessfully ? t.Result : new PortListing(api, [], [], BackgroundFailure.Report("Listing the ports", t.Exception!)))),
            TaskScheduler.Default);
    }

    private void Show(PortListing listing)
    {
        _refreshing = false;
        _listing = listing;
        Title = $"Ports: {listing.Api ?? "no MIDI"} (F5 refresh)";
        var problem = listing.Problem is not null;
        _problem.Visible = problem;
        _outputs.Height = _inputs.Height = problem ? 1 : Dim.Fill();
        _problem.Text = problem ? $"No MIDI: {listing.Problem} The built-in synth plays instead." : string.Empty;
        // Selecting the preferred ports is not a choice of the user's: it must not be saved.
        _showing = true;
        _outputs.SetSource(new ObservableCollection<string>(listing.Outputs));
        _inputs.SetSource(new ObservableCollection<string>(listing.Inputs));
        Select(_outputs, listing.Outputs, PreferredOut);
        Select(_inputs, listing.Inputs, PreferredIn);
        _showing = false;
    }

    private void UserChose()
    {
        if (!_showing)
        {
            Chosen?.Invoke();
        }
    }

    private static void Select(ListView list, IReadOnlyList<string> items, string? preferred)
    {
        var index = preferred is null ? -1 : FindIndex(items, preferred);
        if (items.Count > 0)
        {
            list.SelectedItem = Math.Max(0, index);
        }
    }

    private static int FindIndex(IReadOnlyList<string> items, string preferred)
    {
        if (preferred is "virtual")
        {
            return items.ToList().IndexOf(PortListing.Virtual);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == preferred || items[i].Contains(preferred, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Pick(ListView list, IReadOnlyList<string>? items) =>
        items is { Count: > 0 } && list.SelectedItem is int i && i >= 0 && i < items.Count ? items[i] : null;
}
