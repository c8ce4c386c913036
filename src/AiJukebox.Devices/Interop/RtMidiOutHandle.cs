namespace AiJukebox.Devices.Interop;

/// <summary>An <c>RtMidiOutPtr</c>; releasing it calls <c>rtmidi_out_free</c>.</summary>
internal sealed class RtMidiOutHandle : RtMidiHandle
{
    protected override void Free(nint device) => RtMidiNative.rtmidi_out_free(device);
}
