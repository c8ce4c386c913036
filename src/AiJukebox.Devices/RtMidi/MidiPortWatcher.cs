using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.RtMidi;

/// <summary>
/// Watches that the port an open connection goes to still exists, on its own named background
/// thread with its own RtMidi client (RtMidi objects are not safe to share across threads), and
/// reports its loss once. RtMidi itself says nothing when the other end of a connection vanishes.
/// </summary>
internal sealed class MidiPortWatcher : IDisposable
{
    private readonly MidiApi _api;
    private readonly string _remoteName;
    private readonly bool _remoteIsSource;
    private readonly string _clientName;
    private readonly TimeSpan _interval;
    private readonly Action<string> _onLost;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public MidiPortWatcher(MidiApi api, string remoteName, bool remoteIsSource, string clientName, TimeSpan interval, Action<string> onLost)
    {
        _api = api;
        _remoteName = remoteName;
        _remoteIsSource = remoteIsSource;
        _clientName = clientName;
        _interval = interval;
        _onLost = onLost;
        _thread = new Thread(Run) { IsBackground = true, Name = $"MIDI port watch {remoteName}" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run()
    {
        string? lost = null;
        try
        {
            using RtMidiClient probe = _remoteIsSource
                ? RtMidiClient.CreateInput(_api, _clientName, 0)
                : RtMidiClient.CreateOutput(_api, _clientName);
            while (!_stop.Wait(_interval))
            {
                if (!probe.PortNames().Contains(_remoteName, StringComparer.Ordinal))
                {
                    lost = $"MIDI port '{_remoteName}' disappeared (device unplugged or program closed); reopen it when it is back.";
                    break;
                }
            }
        }
        catch (Exception e)
        {
            // Whatever fails here (a MIDI server gone, a library error) must end as a report, never as
            // an unhandled exception on a background thread, which would end the process.
            lost = $"MIDI port '{_remoteName}' is no longer reachable: {e.Message}";
        }

        if (lost is not null && !_stop.IsSet)
        {
            try
            {
                _onLost(lost);
            }
            catch (Exception)
            {
                // A subscriber's exception has nowhere to go on this thread.
            }
        }
    }
}
