namespace Levy.Web.Contracts;

/// <summary>The managed heap and the garbage collector's work since the server started.</summary>
/// <param name="HeapMegabytes">The managed heap size.</param>
/// <param name="GcPauseMilliseconds">The total time the program was paused for garbage collection.</param>
/// <param name="Gen0">Generation 0 collections.</param>
/// <param name="Gen1">Generation 1 collections.</param>
/// <param name="Gen2">Generation 2 (full) collections.</param>
/// <param name="ServerGc">Whether the server garbage collector is in use.</param>
public sealed record MemoryView(long HeapMegabytes, double GcPauseMilliseconds, int Gen0, int Gen1, int Gen2, bool ServerGc)
{
    /// <summary>The state now.</summary>
    public static MemoryView Now() => new(
        GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024),
        Math.Round(GC.GetTotalPauseDuration().TotalMilliseconds, 1),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), System.Runtime.GCSettings.IsServerGC);
}
