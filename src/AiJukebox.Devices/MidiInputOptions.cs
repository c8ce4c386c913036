namespace AiJukebox.Devices;

/// <summary>What an input port delivers and how much it buffers.</summary>
public sealed record MidiInputOptions
{
    /// <summary>The default options: no sysex, clock or active sensing; 1024 queued messages.</summary>
    public static MidiInputOptions Default { get; } = new();

    /// <summary>Deliver system-exclusive messages (RtMidi drops them by default). Longer than <see cref="Music.Realtime.MidiInputMessage.MaxLength"/> bytes are counted as dropped.</summary>
    public bool ReceiveSysex { get; init; }

    /// <summary>Deliver timing messages: MIDI clock (0xF8) and MIDI time code (0xF1).</summary>
    public bool ReceiveClock { get; init; }

    /// <summary>Deliver active sensing (0xFE).</summary>
    public bool ReceiveActiveSensing { get; init; }

    /// <summary>How many messages the queue holds before new ones are dropped (rounded up to a power of two).</summary>
    public int QueueCapacity { get; init; } = 1024;
}
