using AiJukebox.Devices.Interop;
using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.RtMidi;

/// <summary>An input through RtMidi: RtMidi's thread stamps each message on arrival (<see cref="RtMidiInputCallback"/>).</summary>
internal sealed class RtMidiInputPort : MidiInputPort
{
    private readonly RtMidiConnection _connection;

    internal RtMidiInputPort(RtMidiClient client, MidiInputQueue queue, string name, bool isVirtual, string clientName, TimeSpan watchInterval)
        : base(client.Api, name, isVirtual, queue)
    {
        _connection = new RtMidiConnection(client, name, isVirtual, remoteIsSource: true, clientName, watchInterval, ReportLost, ReportWarning);
    }

    private protected override void Close() => _connection.Close();
}
