using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// An open MIDI output: a connection to an existing port or a virtual port others connect to.
/// <see cref="Send"/> allocates nothing; call it from one thread at a time.
/// </summary>
public sealed unsafe class MidiOutputPort : MidiPort
{
    internal MidiOutputPort(RtMidiClient client, string name, bool isVirtual, string clientName, TimeSpan watchInterval)
        : base(client, name, isVirtual, remoteIsSource: false, clientName, watchInterval)
    {
    }

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
}
