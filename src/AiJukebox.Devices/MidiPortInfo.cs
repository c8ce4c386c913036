namespace AiJukebox.Devices;

/// <summary>A port that exists right now, as RtMidi lists it.</summary>
/// <param name="Api">The MIDI system the port belongs to.</param>
/// <param name="Index">RtMidi's index of the port (valid until ports come or go).</param>
/// <param name="Name">The port's full name, e.g. <c>fluidsynth:midi_00</c> on JACK.</param>
public sealed record MidiPortInfo(MidiApi Api, int Index, string Name);
