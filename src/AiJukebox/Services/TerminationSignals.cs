using System.Runtime.InteropServices;

namespace AiJukebox.Services;

/// <summary>
/// Keeps SIGINT, SIGTERM, SIGHUP and SIGQUIT off the calling thread and the native threads it
/// starts. LibTorch's OpenMP/oneDNN worker threads inherit the signal mask of the thread that
/// creates them; a termination signal delivered to one of them in the middle of an allocation
/// corrupted the heap (1 in 8 Ctrl+C tries). With the mask, the kernel delivers the signal to a
/// .NET thread, and the registered handler only asks training to stop.
/// </summary>
internal static partial class TerminationSignals
{
    private const int SigBlock = 0;

    /// <summary>Blocks the termination signals on the current thread (Linux and macOS; elsewhere nothing).</summary>
    /// <returns>True when the mask was set.</returns>
    public static bool BlockOnCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            // sigset_t's layout below is glibc/musl's on Linux; other systems keep the default.
            return false;
        }

        // Linux sigset_t: 1024 bits; signal n is bit n - 1.
        var set = new ulong[16];
        foreach (var signal in new[] { 1 /* SIGHUP */, 2 /* SIGINT */, 3 /* SIGQUIT */, 15 /* SIGTERM */ })
        {
            set[0] |= 1UL << (signal - 1);
        }

        try
        {
            return PthreadSigmask(SigBlock, set, IntPtr.Zero) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new thread with the termination signals blocked, and waits for it.</summary>
    public static T RunShielded<T>(string name, Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            BlockOnCurrentThread();
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 16 * 1024 * 1024)
        { Name = name, IsBackground = true };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }

    /// <summary>Whether <paramref name="signal"/> is blocked on the current thread (Linux; false elsewhere).</summary>
    public static bool IsBlockedOnCurrentThread(int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var current = new ulong[16];
        return ReadSigmask(SigBlock, IntPtr.Zero, current) == 0 && (current[0] & (1UL << (signal - 1))) != 0;
    }

    [LibraryImport("libc.so.6", EntryPoint = "pthread_sigmask")]
    private static partial int PthreadSigmask(int how, ulong[] set, IntPtr oldSet);

    // With a null set, pthread_sigmask only reports the current mask.
    [LibraryImport("libc.so.6", EntryPoint = "pthread_sigmask")]
    private static partial int ReadSigmask(int how, IntPtr set, [Out] ulong[] oldSet);
}
