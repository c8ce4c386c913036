namespace AiJukebox.Devices.Jack;

/// <summary>Lists the JACK graph's MIDI ports through a short-lived client of our own.</summary>
internal static class JackPortList
{
    /// <summary>Ports an input can receive from (JACK outputs) or an output can send to (JACK inputs).</summary>
    public static List<string> Names(string clientName, bool sources)
    {
        using JackClient client = JackClient.Open(clientName, "probe", isInput: true, _ => new Idle());
        return client.MidiPorts(sources ? Interop.JackNative.PortIsOutput : Interop.JackNative.PortIsInput);
    }

    /// <summary>The listing client's port does nothing.</summary>
    private sealed class Idle : JackProcessor
    {
        public override void Process(nint client, nint port, uint frames)
        {
        }
    }
}
