namespace AiJukebox.Devices;

/// <summary>
/// A MIDI system. <see cref="Jack"/> is AI Jukebox's own JACK client (sample-accurate); the others
/// go through RtMidi, and their values up to <see cref="Dummy"/> are RtMidi's own (<c>enum RtMidiApi</c>).
/// </summary>
public enum MidiApi
{
    /// <summary>Let RtMidi pick the first compiled API that works.</summary>
    Unspecified = 0,

    /// <summary>macOS CoreMIDI.</summary>
    CoreMidi = 1,

    /// <summary>The ALSA sequencer on Linux (needs <c>/dev/snd/seq</c>).</summary>
    Alsa = 2,

    /// <summary>JACK (Linux, macOS; also PipeWire's JACK API) through AI Jukebox's own libjack client, which places every message at its frame.</summary>
    Jack = 3,

    /// <summary>Windows Multimedia MIDI (WinMM).</summary>
    WindowsMM = 4,

    /// <summary>RtMidi's non-functional placeholder API.</summary>
    Dummy = 5,

    /// <summary>JACK through RtMidi's JACK backend, which puts every message at the start of the next period (the choice before AI Jukebox had its own client).</summary>
    RtMidiJack = 103,
}
