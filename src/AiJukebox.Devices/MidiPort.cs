using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>What an open input and an open output share: identity, warnings, and the lost-port report.</summary>
public abstract class MidiPort : IDisposable
{
    private readonly MidiPortWatcher? _watcher;
    private int _lostReported;
    private volatile bool _disposed;

    private protected MidiPort(RtMidiClient client, string name, bool isVirtual, bool remoteIsSource, string clientName, TimeSpan watchInterval)
    {
        Client = client;
        Name = name;
        IsVirtual = isVirtual;
        Client.Errors.Warning += OnWarning;
        if (!isVirtual)
        {
            _watcher = new MidiPortWatcher(client.Api, name, remoteIsSource, clientName + "-watch", watchInterval, ReportLost);
        }
    }

    /// <summary>Raised once, on a background thread, when the port this one is connected to disappears.</summary>
    public event EventHandler<string>? PortLost;

    /// <summary>Raised for RtMidi warnings (problems that did not stop the call), on the thread that caused them.</summary>
    public event EventHandler<string>? Warning;

    /// <summary>The MIDI system this port belongs to.</summary>
    public MidiApi Api => Client.Api;

    /// <summary>The port connected to, or for a virtual port its expected full name (<c>client:port</c> on JACK).</summary>
    public string Name { get; }

    /// <summary>Whether this is a virtual port that other programs connect to.</summary>
    public bool IsVirtual { get; }

    private protected RtMidiClient Client { get; }

    private protected bool IsDisposed => _disposed;

    /// <summary>Closes the port.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watcher?.Dispose();
        Client.Errors.Warning -= OnWarning;
        CloseClient();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the RtMidi client in the order the direction needs.</summary>
    private protected abstract void CloseClient();

    private void ReportLost(string message)
    {
        if (Interlocked.Exchange(ref _lostReported, 1) == 0)
        {
            PortLost?.Invoke(this, message);
        }
    }

    private void OnWarning(string text) => Warning?.Invoke(this, text);
}
