using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>
/// Play/Stop, Record, Panic and the live controls. Until the live performer is wired in, it says
/// so and the keys do nothing rather than pretending.
/// </summary>
internal sealed class TransportPane : FrameView
{
    private readonly Label _text = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };

    public TransportPane()
    {
        Title = "Transport";
        _text.TextFormatter.WordWrap = true;
        _text.Text = "Space play/stop   R record   P panic   (disabled)\n"
            + "Live playing is not wired into the UI yet: it needs the 'play' verb's performer, "
            + "which has not been merged. Use Train and Generate (F2, F3) meanwhile.";
        Add(_text);
    }

    /// <summary>What a transport key does now: nothing, and the status line says why.</summary>
    public static string Unavailable(string action) => $"{action}: live playing is not available in this build yet (the play verb has not landed).";
}
