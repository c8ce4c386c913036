using System.Runtime;

namespace AiJukebox.Playing;

/// <summary>
/// The garbage collector's latency mode while music plays: <see cref="GCLatencyMode.SustainedLowLatency"/>
/// (no blocking full collection, which would stop the clock thread, and stall a JACK process
/// callback entering managed code), restored when disposed.
/// </summary>
internal sealed class PerformanceGcMode : IDisposable
{
    private readonly GCLatencyMode _before = GCSettings.LatencyMode;
    private bool _restored;

    public PerformanceGcMode() => GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

    public void Dispose()
    {
        if (!_restored)
        {
            _restored = true;
            GCSettings.LatencyMode = _before;
        }
    }
}
