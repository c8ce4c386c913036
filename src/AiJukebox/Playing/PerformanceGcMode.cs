using System.Runtime;

namespace AiJukebox.Playing;

/// <summary>
/// The garbage collector while music plays: no collection at all for the first
/// <see cref="NoCollectionBytes"/> allocated (<see cref="GC.TryStartNoGCRegion(long)"/>; a 120 s
/// performance allocated 10 MB here, so that covers about ten minutes), then
/// <see cref="GCLatencyMode.SustainedLowLatency"/> (no blocking full collection). A collection
/// stops the clock thread, and a JACK process callback entering managed code waits for it.
/// Restored when disposed.
/// </summary>
internal sealed class PerformanceGcMode : IDisposable
{
    /// <summary>What may be allocated before the first collection.</summary>
    public const long NoCollectionBytes = 64L * 1024 * 1024;

    private readonly GCLatencyMode _before = GCSettings.LatencyMode;
    private readonly bool _noCollection;
    private bool _restored;

    public PerformanceGcMode()
    {
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        try
        {
            // Collects once now, before the music, and sets the memory aside.
            _noCollection = GC.TryStartNoGCRegion(NoCollectionBytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Too large for this runtime's heap, or already in a region: the latency mode alone.
        }
    }

    public void Dispose()
    {
        if (_restored)
        {
            return;
        }

        _restored = true;
        if (_noCollection && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The budget ran out during the performance; the region has ended by itself.
            }
        }

        GCSettings.LatencyMode = _before;
    }
}
