namespace AiJukebox.Devices.Interop;

/// <summary>A <c>fluid_audio_driver_t*</c> from <c>new_fluid_audio_driver</c>; releasing it calls <c>delete_fluid_audio_driver</c>.</summary>
internal sealed class FluidAudioDriverHandle : FluidHandle
{
    protected override void Delete(nint pointer) => FluidSynthNative.delete_fluid_audio_driver(pointer);
}
