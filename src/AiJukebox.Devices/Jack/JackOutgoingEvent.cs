using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Jack;

/// <summary>A message on its way to the process callback: its due time in JACK microseconds (the message's timestamp) and the cancel epoch it was queued in.</summary>
internal readonly record struct JackOutgoingEvent(MidiInputMessage Message, int Epoch)
{
    public long DueMicroseconds => Message.Timestamp;

    /// <summary>A note-off (or a note-on of velocity 0): still delivered when cancelled, so no sounding note is left hanging.</summary>
    public bool IsNoteOff => (Message.Status & 0xF0) == 0x80 || ((Message.Status & 0xF0) == 0x90 && Message.Length >= 3 && Message.Data2 == 0);
}
