using System.Runtime.InteropServices;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// A duplicate of the original standard error. Releasing it puts it back on descriptor 2, so the
/// terminal gets its stderr back however the capture ends (dispose, or finalization).
/// </summary>
internal sealed class SavedStderrHandle : SafeHandle
{
    public SavedStderrHandle()
        : base(-1, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle < 0;

    internal static SavedStderrHandle Duplicate()
    {
        var saved = new SavedStderrHandle();
        var descriptor = LibC.Dup(LibC.StandardError);
        if (descriptor < 0)
        {
            throw new IOException($"dup(2) failed (errno {Marshal.GetLastPInvokeError()})");
        }

        saved.SetHandle(descriptor);
        return saved;
    }

    protected override bool ReleaseHandle()
    {
        var restored = LibC.Dup2((int)handle, LibC.StandardError) >= 0;
        return (LibC.Close((int)handle) == 0) && restored;
    }
}
