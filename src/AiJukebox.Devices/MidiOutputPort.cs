using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// An open MIDI output: a connection to an existing port or a virtual port others connect to.
/// <see cref="Send"/> allocates nothing; call it from one thread at a time.
/// </summary>
public sealed unsafe class MidiOutputPort : IDisposable
{
    private readonly RtMidiClient _client;
    private readonly MidiPortWatcher? _watcher;
    private int _lostReported;
    private volatile bool _disposed;

    internal MidiOutputPort(RtMidiClient client, string name, bool isVirtual, string clientName, TimeSpan watchInterval)
    {
        _client = client;
        Name = name;
        IsVirtual = isVirtual;
        _client.Errors.Warning += OnWarning;
        if (!isVirtual)
        {
            _watcher = new MidiPortWatcher(client.Api, name, remoteIsSource: false, clientName + "-watch", watchInterval, ReportLost);
        }
    }

    /// <summary>Raised once, on a background thread, when the port this output is connected to disappears.</summary>
    public event EventHandler<string>? PortLost;

    /// <summary>Raised for RtMidi warnings (problems that did not stop the call), on the thread that caused them.</summary>
    public event EventHandler<string>? Warning;

    /// <summary>The MIDI system this port belongs to.</summary>
    public MidiApi Api => _client.Api;

    /// <summary>The port connected to, or for a virtual port its expected full name (<c>client:port</c> on JACK).</summary>
    public string Name { get; }

    /// <summary>Whether this is a virtual port that other programs connect to.</summary>
    public bool IsVirtual { get; }

    /// <summary>Sends one complete MIDI message (status byte first) immediately.</summary>
    /// <exception cref="ArgumentException">The message is empty.</exception>
    /// <exception cref="ObjectDisposedException">The port was closed.</exception>
    /// <exception cref="MidiDeviceException">RtMidi reported an error.</exception>
    public void Send(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("A MIDI message has at least a status byte.", nameof(message));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        int result;
        fixed (byte* bytes = message)
        {
            result = RtMidiNative.rtmidi_out_send_message((RtMidiOutHandle)_client.Handle, bytes, message.Length);
        }

        if (result != 0)
        {
            _client.Check("rtmidi_out_send_message");
            throw new MidiDeviceException($"MIDI output '{Name}': sending failed.");
        }

        // With RtMidi's error callback installed, a failed send (e.g. ALSA) reports through it and returns 0.
        if (_client.Errors.HasError)
        {
            _client.Check("rtmidi_out_send_message");
        }
    }

    /// <summary>Closes the port; messages already sent are delivered first where the MIDI system allows.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watcher?.Dispose();
        _client.Errors.Warning -= OnWarning;

        // The SafeHandle defers rtmidi_out_free until a Send in flight on another thread has returned.
        _client.Dispose();
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
