using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>An input through AI Jukebox's own JACK client: each event is stamped from its frame (<see cref="JackInputProcessor"/>).</summary>
internal sealed class JackMidiInputPort : MidiInputPort
{
    private readonly JackClient _client;
    private readonly JackInputProcessor _processor;

    private JackMidiInputPort(JackClient client, JackInputProcessor processor, MidiInputQueue queue, string name, bool isVirtual)
        : base(MidiApi.Jack, name, isVirtual, queue)
    {
        _client = client;
        _processor = processor;
        _client.Lost += ReportLost;
    }

    public override long Xruns => _client.Xruns;

    public override long Undelivered => _processor.Lost;

    public override LatenessHistogram? CallbackDurations => _client.CallbackDurations;

    /// <summary>Opens a client with one input port, connected from <paramref name="source"/> (a port selector) or, with null, virtual.</summary>
    internal static JackMidiInputPort Open(string clientName, string portName, string? source, MidiInputOptions options)
    {
        var queue = new MidiInputQueue(options.QueueCapacity);
        JackInputProcessor? processor = null;
        JackClient client = JackClient.Open(clientName, portName, isInput: true, clock => processor = new JackInputProcessor(queue, clock, options));
        try
        {
            if (source is null)
            {
                return new JackMidiInputPort(client, processor!, queue, client.PortName, isVirtual: true);
            }

            List<string> names = client.MidiPorts(Interop.JackNative.PortIsOutput);
            string peer = names[MidiPortSelector.Resolve(names, source, "input")];
            client.Connect(peer, client.PortName, peer);
            return new JackMidiInputPort(client, processor!, queue, peer, isVirtual: false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private protected override void Close()
    {
        _client.Lost -= ReportLost;
        _client.Dispose();
    }
}
