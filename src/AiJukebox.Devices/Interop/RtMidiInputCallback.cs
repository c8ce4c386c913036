using System.Diagnostics;
using System.Runtime.InteropServices;

using AiJukebox.Music.Realtime;

namespace AiJukebox.Devices.Interop;

/// <summary>
/// RtMidi's input callback: stamps each message on arrival and posts it into the port's
/// <see cref="MidiInputQueue"/>, which RtMidi reaches through a GC handle (so the handle keeps the
/// queue, not the port, alive). Runs on RtMidi's thread; allocates nothing.
/// </summary>
internal static unsafe class RtMidiInputCallback
{
    /// <summary>The function pointer RtMidi calls with each message.</summary>
    public static delegate* unmanaged<double, byte*, nuint, void*, void> Pointer => &OnMessage;

    [UnmanagedCallersOnly]
    private static void OnMessage(double deltaSeconds, byte* message, nuint size, void* userData)
    {
        // Stamp first: everything after this is our own overhead, not arrival time.
        long now = Stopwatch.GetTimestamp();
        try
        {
            if (GCHandle.FromIntPtr((nint)userData).Target is MidiInputQueue queue)
            {
                queue.Post(now, new ReadOnlySpan<byte>(message, (int)Math.Min(size, int.MaxValue)));
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into RtMidi's thread.
        }
    }
}
