using Microsoft.Win32.SafeHandles;

namespace AiJukebox.Devices.Interop;

/// <summary>A <c>jack_client_t*</c>; releasing it closes the client (which deactivates it first and waits for a running process callback).</summary>
internal sealed class JackClientHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public JackClientHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The raw pointer, for the process callback only (which runs while the handle is surely alive: closing waits for it).</summary>
    internal nint Pointer => handle;

    protected override bool ReleaseHandle()
    {
        // A client whose server died still has to be closed to free it; that close reports failure, which changes nothing here.
        _ = JackNative.jack_client_close(handle);
        return true;
    }
}
