using System.Globalization;

namespace LiveTemplate.Typed.Benchmarks.Servers;

/// <summary>The memory figures a benchmark server reports: <c>GET /stats?gc=1</c> answers "workingSet managedHeap" in bytes.</summary>
public static class ServerStats
{
    /// <summary>Maps <c>/stats</c> and <c>/health</c>.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/health", () => "up");
        app.MapGet("/stats", (HttpContext http) =>
        {
            if (http.Request.Query["gc"] == "1")
            {
                // A full, compacting, blocking collection, twice around the finalizers: what is left is live.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            return string.Create(CultureInfo.InvariantCulture, $"{Environment.WorkingSet} {GC.GetTotalMemory(forceFullCollection: false)}");
        });
    }
}
