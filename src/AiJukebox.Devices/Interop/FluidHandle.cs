using Microsoft.Win32.SafeHandles;

namespace AiJukebox.Devices.Interop;

/// <summary>A FluidSynth object pointer; releasing it calls the object's <c>delete_fluid_*</c>.</summary>
internal abstract class FluidHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected FluidHandle()
        : base(ownsHandle: true)
    {
    }

    protected abstract void Delete(nint pointer);

    protected override bool ReleaseHandle()
    {
        Delete(handle);
        return true;
    }
}
