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

    /// <summary>
    /// Closes the port. An input's queued messages are discarded; an output's sent messages are
    /// delivered first where the MIDI system allows.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watcher?.Dispose();
        Client.Errors.Warning -= OnWarning;
        // Unregister the port first so no further callback starts, then free (which stops RtMidi's
        // thread). The SafeHandle defers the free until a Send in flight on another thread has
        // returned, and frees an input queue's GC handle only after the native object is gone.
        Client.ClosePortAndDrainCallbacks();
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    private void ReportLost(string message)
    {
        if (Interlocked.Exchange(ref _lostReported, 1) == 0)
        {
            PortLost?.Invoke(this, message);
        }
    }

    private void OnWarning(string text) => Warning?.Invoke(this, text);
}
