using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.RtMidi;

/// <summary>
/// What an RtMidi port holds: its RtMidi object, the watcher that notices when the other end of a
/// connection vanishes (RtMidi does not say), and the forwarding of RtMidi's warnings.
/// </summary>
internal sealed class RtMidiConnection
{
    private readonly MidiPortWatcher? _watcher;
    private readonly Action<string> _onWarning;

    public RtMidiConnection(RtMidiClient client, string name, bool isVirtual, bool remoteIsSource, string clientName, TimeSpan watchInterval, Action<string> onLost, Action<string> onWarning)
    {
        Client = client;
        _onWarning = onWarning;
        Client.Errors.Warning += _onWarning;
        if (!isVirtual)
        {
            _watcher = new MidiPortWatcher(client.Api, name, remoteIsSource, clientName + "-watch", watchInterval, onLost);
        }
    }

    public RtMidiClient Client { get; }

    public void Close()
    {
        _watcher?.Dispose();
        Client.Errors.Warning -= _onWarning;
        // Unregister the port first so no further callback starts, then free (which stops RtMidi's
        // thread). The SafeHandle defers the free until a Send in flight on another thread has
        // returned, and frees an input queue's GC handle only after the native object is gone.
        Client.ClosePortAndDrainCallbacks();
        Client.Dispose();
    }
}
