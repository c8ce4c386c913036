namespace AiJukebox.Devices.Jack;

/// <summary>
/// A port's work in JACK's process callback, on JACK's real-time thread: it must not allocate,
/// lock, wait or throw.
/// </summary>
internal abstract class JackProcessor
{
    /// <summary>One cycle of <paramref name="frames"/> frames for <paramref name="port"/> of <paramref name="client"/> (raw pointers, alive for the call).</summary>
    public abstract void Process(nint client, nint port, uint frames);
}
