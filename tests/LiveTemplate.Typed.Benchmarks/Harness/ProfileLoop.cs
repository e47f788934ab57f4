using System.Diagnostics;
using System.Reflection;
using LiveTemplate.Typed.Benchmarks.Publishing;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>
/// Runs one <see cref="PipelineBenchmarks"/> method in a loop for a few seconds, for a profiler to watch:
/// <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet LiveTemplate.Typed.Benchmarks.dll profile:Publish_Typed</c>.
/// </summary>
public static class ProfileLoop
{
    public static async Task RunAsync(string method, double seconds, int threads = 1)
    {
        var benchmarks = new PipelineBenchmarks();
        await benchmarks.SetupAsync();
        var info = typeof(PipelineBenchmarks).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"PipelineBenchmarks has no method {method}.");
        var call = (Action)Delegate.CreateDelegate(typeof(Action), benchmarks, info, throwOnBindFailure: false)!
            ?? CallIgnoringResult(benchmarks, info);
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                long calls = 0;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    for (var i = 0; i < 1000; i++)
                    {
                        call();
                    }

                    calls += 1000;
                }

                return (Calls: calls, Allocated: GC.GetAllocatedBytesForCurrentThread() - allocated);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var results = await Task.WhenAll(loops);
        var total = results.Sum(r => r.Calls);
        Console.WriteLine($"{method} on {threads} thread(s): {total:N0} calls, {clock.Elapsed.TotalMilliseconds * 1e6 / total:N1} ns/call overall, {(double)results.Sum(r => r.Allocated) / total:N1} B/call");
        await benchmarks.CleanupAsync();
    }

    private static Action CallIgnoringResult(PipelineBenchmarks target, MethodInfo method)
        => (Action)typeof(ProfileLoop).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.ReturnType)
            .Invoke(null, [Delegate.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), target, method)])!;

    private static Action Wrap<T>(Func<T> function) => () => function();
}
