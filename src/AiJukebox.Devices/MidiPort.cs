using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices;

/// <summary>What an input and an output share, whichever MIDI system carries them: identity, warnings, the lost-port report, and the MIDI system's health counters.</summary>
public abstract class MidiPort : IDisposable
{
    private int _lostReported;
    private volatile bool _disposed;

    private protected MidiPort(MidiApi api, string name, bool isVirtual)
    {
        Api = api;
        Name = name;
        IsVirtual = isVirtual;
    }

    /// <summary>Raised once, on a background thread, when the port this one is connected to disappears, or the MIDI server itself goes away.</summary>
    public event EventHandler<string>? PortLost;

    /// <summary>Raised for the MIDI system's warnings (problems that did not stop the call), on the thread that caused them.</summary>
    public event EventHandler<string>? Warning;

    /// <summary>The MIDI system this port belongs to.</summary>
    public MidiApi Api { get; }

    /// <summary>The port connected to, or for a virtual port its expected full name (<c>client:port</c> on JACK).</summary>
    public string Name { get; }

    /// <summary>Whether this is a virtual port that other programs connect to.</summary>
    public bool IsVirtual { get; }

    /// <summary>Buffer over- and underruns (JACK xruns) the MIDI server reported since the port opened; 0 where the MIDI system does not report them.</summary>
    public virtual long Xruns => 0;

    /// <summary>
    /// Messages the MIDI system could not deliver since the port opened: for a JACK output, events
    /// that did not fit into a period's buffer; for a JACK input, the events JACK reports lost. 0
    /// where the MIDI system does not say.
    /// </summary>
    public virtual long Undelivered => 0;

    /// <summary>How long the MIDI system's process callback for this port takes per cycle (JACK), or null where there is none of ours.</summary>
    public virtual LatenessHistogram? CallbackDurations => null;

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
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's resources (once; <see cref="IsDisposed"/> is already set).</summary>
    private protected abstract void Close();

    private protected void ReportLost(string message)
    {
        if (Interlocked.Exchange(ref _lostReported, 1) == 0)
        {
            PortLost?.Invoke(this, message);
        }
    }

    private protected void ReportWarning(string text) => Warning?.Invoke(this, text);
}
