using System.Diagnostics;

namespace AiJukebox.Commands;

/// <summary>The process's memory at one moment, for measured runs.</summary>
internal readonly record struct MemoryFigures(long ResidentBytes, long ManagedBytes)
{
    public static MemoryFigures Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true));
    }

    public override string ToString() => $"RSS {ResidentBytes / 1048576.0:F1} MiB, managed heap {ManagedBytes / 1048576.0:F1} MiB";
}
