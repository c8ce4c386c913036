using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// Keeps the messages that native audio libraries print on their own (libjack's "Cannot connect to
/// server socket", ALSA's "ALSA lib ... cannot find card") off the terminal, for a full-screen UI.
/// </summary>
public static class NativeMessages
{
    /// <summary>Routes those libraries' messages to the synth's log; safe to call more than once.</summary>
    public static void KeepOffTerminal() => AudioLibraryMessages.Route();

    /// <summary>The most recent native messages (oldest first), for diagnostics.</summary>
    public static IReadOnlyList<string> Recent => SynthLog.Recent;
}
