using System.Diagnostics;
using System.Runtime.InteropServices;

using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Jack;

/// <summary>The functions JACK calls. Each finds its client through the GC handle it was given and never lets an exception unwind into libjack.</summary>
internal sealed unsafe partial class JackClient
{
    [UnmanagedCallersOnly]
    private static int OnProcess(uint frames, nint arg)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (GCHandle.FromIntPtr(arg).Target is JackClient { _processor: { } processor } client)
            {
                processor.Process(client._client, client._port, frames);
                client.CallbackDurations.Record(Stopwatch.GetTimestamp() - start);
            }
        }
        catch (Exception)
        {
            // Nothing may unwind into JACK's real-time thread; a processor does not throw.
        }

        return 0;
    }

    [UnmanagedCallersOnly]
    private static int OnXrun(nint arg)
    {
        if (GCHandle.FromIntPtr(arg).Target is JackClient client)
        {
            Interlocked.Increment(ref client._xruns);
        }

        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnShutdown(int status, byte* reason, nint arg)
    {
        // Called on a JACK thread as the server goes away: no JACK calls, only a note for the notifier.
        try
        {
            if (GCHandle.FromIntPtr(arg).Target is JackClient client)
            {
                Volatile.Write(ref client._shutdownReason, Marshal.PtrToStringUTF8((nint)reason));
                Volatile.Write(ref client._shutdown, 1);
                client._notified.Set();
            }
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }

    [UnmanagedCallersOnly]
    private static void OnPortRegistration(uint port, int registered, nint arg)
    {
        try
        {
            if (registered == 0 && GCHandle.FromIntPtr(arg).Target is JackClient client && Volatile.Read(ref client._watchedPeer) is not null)
            {
                Volatile.Write(ref client._portsChanged, 1);
                client._notified.Set();
            }
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }

    [UnmanagedCallersOnly]
    private static void OnLatency(int mode, nint arg)
    {
        try
        {
            if (mode == JackNative.CaptureLatency && GCHandle.FromIntPtr(arg).Target is JackClient client)
            {
                // The period may have changed since the port was registered.
                client._latencyFrames = JackNative.jack_get_buffer_size(client._handle);
                client.ReportLatency();
            }
        }
        catch (Exception)
        {
            // Nothing may unwind into libjack.
        }
    }
}
