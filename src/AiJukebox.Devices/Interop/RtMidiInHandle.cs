namespace AiJukebox.Devices.Interop;

/// <summary>An <c>RtMidiInPtr</c>; releasing it calls <c>rtmidi_in_free</c>.</summary>
internal sealed unsafe class RtMidiInHandle : RtMidiHandle
{
    protected override void Free(nint device)
    {
        // rtmidi_in_free (RtMidi 5 and 6) deletes the C callback proxy in wrapper->data *before* it
        // deletes the RtMidiIn, whose destructor is what stops the MIDI system's thread; a message
        // arriving in between makes that thread read freed memory (seen as crashes when an input
        // closes mid-stream). Detaching the proxy first leaks its 16 bytes once per closed input instead.
        ((RtMidiNative.Wrapper*)device)->Data = null;
        RtMidiNative.rtmidi_in_free(device);
    }
}
