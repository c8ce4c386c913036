namespace AiJukebox.Devices;

/// <summary>A MIDI system RtMidi can talk to. The values are RtMidi's own (<c>enum RtMidiApi</c>).</summary>
public enum MidiApi
{
    /// <summary>Let RtMidi pick the first compiled API that works.</summary>
    Unspecified = 0,

    /// <summary>macOS CoreMIDI.</summary>
    CoreMidi = 1,

    /// <summary>The ALSA sequencer on Linux (needs <c>/dev/snd/seq</c>).</summary>
    Alsa = 2,

    /// <summary>JACK (Linux, macOS; also PipeWire's JACK API).</summary>
    Jack = 3,

    /// <summary>Windows Multimedia MIDI (WinMM).</summary>
    WindowsMM = 4,

    /// <summary>RtMidi's non-functional placeholder API.</summary>
    Dummy = 5,
}
