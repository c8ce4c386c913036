namespace AiJukebox.Devices.Interop;

/// <summary>A <c>fluid_settings_t*</c> from <c>new_fluid_settings</c>; releasing it calls <c>delete_fluid_settings</c>.</summary>
internal sealed class FluidSettingsHandle : FluidHandle
{
    protected override void Delete(nint pointer) => FluidSynthNative.delete_fluid_settings(pointer);
}
