namespace AiJukebox.Devices.Interop;

/// <summary>A <c>fluid_file_renderer_t*</c> from <c>new_fluid_file_renderer</c>; releasing it calls <c>delete_fluid_file_renderer</c>.</summary>
internal sealed class FluidFileRendererHandle : FluidHandle
{
    protected override void Delete(nint pointer) => FluidSynthNative.delete_fluid_file_renderer(pointer);
}
