using TorchSharp;

namespace AiJukebox.Model;

/// <summary>Process-wide LibTorch settings.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Sets how many threads LibTorch uses for its operations. This is process-wide
    /// (torch.set_num_threads): call it once at start-up. Live play should use 1 — a
    /// batch-1 step is bound by per-call overhead, and on a 2-core machine the real-time
    /// clock thread needs the other core; training wants all cores.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
    }

    /// <summary>The number of threads LibTorch currently uses.</summary>
    public static int Threads => torch.get_num_threads();
}
