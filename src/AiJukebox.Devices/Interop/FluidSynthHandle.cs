namespace AiJukebox.Devices.Interop;

/// <summary>A <c>fluid_synth_t*</c> from <c>new_fluid_synth</c>; releasing it calls <c>delete_fluid_synth</c>.</summary>
internal sealed class FluidSynthHandle : FluidHandle
{
    protected override void Delete(nint pointer) => FluidSynthNative.delete_fluid_synth(pointer);
}
