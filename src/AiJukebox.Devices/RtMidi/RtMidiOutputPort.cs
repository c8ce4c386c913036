using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.RtMidi;

/// <summary>An output through RtMidi (ALSA, CoreMIDI, Windows MM, and JACK when chosen as <see cref="MidiApi.RtMidiJack"/>): every message leaves when it is sent.</summary>
internal sealed unsafe class RtMidiOutputPort : MidiOutputPort
{
    private readonly RtMidiConnection _connection;

    internal RtMidiOutputPort(RtMidiClient client, string name, bool isVirtual, string clientName, TimeSpan watchInterval)
        : base(client.Api, name, isVirtual)
    {
        _connection = new RtMidiConnection(client, name, isVirtual, remoteIsSource: false, clientName, watchInterval, ReportLost, ReportWarning);
    }

    private RtMidiClient Client => _connection.Client;

    public override void Send(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("A MIDI message has at least a status byte.", nameof(message));
        }

        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int result;
        fixed (byte* bytes = message)
        {
            result = RtMidiNative.rtmidi_out_send_message((RtMidiOutHandle)Client.Handle, bytes, message.Length);
        }

        if (result != 0)
        {
            Client.Check("rtmidi_out_send_message");
            throw new MidiDeviceException($"MIDI output '{Name}': sending failed.");
        }

        // With RtMidi's error callback installed, a failed send (e.g. ALSA) reports through it and returns 0.
        if (Client.Errors.HasError)
        {
            Client.Check("rtmidi_out_send_message");
        }
    }

    private protected override void Close() => _connection.Close();
}
