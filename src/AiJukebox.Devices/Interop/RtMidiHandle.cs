using System.Runtime.InteropServices;

using Microsoft.Win32.SafeHandles;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// An <c>RtMidiWrapper*</c>. Also owns the GC handles RtMidi's callbacks point at, freed only after
/// the native object (and with it the MIDI system's callback thread) is gone.
/// </summary>
internal abstract unsafe class RtMidiHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private GCHandle _errorTarget;
    private GCHandle _inputTarget;

    protected RtMidiHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>RtMidi's <c>ok</c> flag; in RtMidi 5 it is never reset once false.</summary>
    internal bool Ok => ((RtMidiNative.Wrapper*)handle)->Ok != 0;

    /// <summary><c>wrapper->ptr</c>: the C++ RtMidiIn/RtMidiOut object, null when creation failed.</summary>
    internal nint CppObject => (nint)((RtMidiNative.Wrapper*)handle)->Ptr;

    internal nint KeepErrorTarget(object target)
    {
        _errorTarget = GCHandle.Alloc(target);
        return GCHandle.ToIntPtr(_errorTarget);
    }

    internal nint KeepInputTarget(object target)
    {
        _inputTarget = GCHandle.Alloc(target);
        return GCHandle.ToIntPtr(_inputTarget);
    }

    protected abstract void Free(nint device);

    protected override bool ReleaseHandle()
    {
        Free(handle);
        if (_errorTarget.IsAllocated)
        {
            _errorTarget.Free();
        }

        if (_inputTarget.IsAllocated)
        {
            _inputTarget.Free();
        }

        return true;
    }
}
