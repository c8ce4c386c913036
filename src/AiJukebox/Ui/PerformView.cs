using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>The first screen: model, ports, transport and status.</summary>
internal sealed class PerformView : View
{
    // No hotkey marker: file names such as FluidR3_GM.sf2 keep their underscores.
    private readonly Label _status = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, HotKeySpecifier = (System.Text.Rune)0xFFFF };

    public PerformView(ModelPane model, PortsPane ports, TransportPane transport, PerformController controller)
    {
        Model = model;
        Ports = ports;
        Transport = transport;
        Controller = controller;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        model.X = 0;
        model.Y = 0;
        // Fixed: the model lines fit in 34 columns; the port lists get the rest of a wide terminal.
        model.Width = 36;
        model.Height = 8;
        ports.X = Pos.Right(model);
        ports.Y = 0;
        ports.Width = Dim.Fill();
        ports.Height = 8;
        transport.X = 0;
        transport.Y = Pos.Bottom(model);
        transport.Width = Dim.Fill();
        transport.Height = Dim.Fill(1);
        Add(model, ports, transport, _status);
    }

    public ModelPane Model { get; }

    public PortsPane Ports { get; }

    public TransportPane Transport { get; }

    public PerformController Controller { get; }

    /// <summary>Shows one status line (errors, what a key did).</summary>
    public void SetStatus(string text) => _status.Text = text;

    /// <summary>Redraws the transport and the controller's latest message (a UI timer calls this).</summary>
    public void Refresh()
    {
        if (!Visible)
        {
            return;
        }

        Transport.Refresh();
        if (Controller.Message is { } message)
        {
            _status.Text = message;
        }
    }
}
