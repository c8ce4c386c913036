using System.Runtime.CompilerServices;

namespace AiJukebox.Music.Realtime;

/// <summary>Inline storage for the bytes of one <see cref="MidiInputMessage"/>, so queued messages hold no references.</summary>
[InlineArray(MidiInputMessage.MaxLength)]
internal struct MidiMessageBytes
{
    private byte _first;
}
