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
    public static async Task RunAsync(string method, double seconds)
    {
        var benchmarks = new PipelineBenchmarks();
        await benchmarks.SetupAsync();
        var info = typeof(PipelineBenchmarks).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"PipelineBenchmarks has no method {method}.");
        var call = (Action)Delegate.CreateDelegate(typeof(Action), benchmarks, info, throwOnBindFailure: false)!
            ?? CallIgnoringResult(benchmarks, info);
        var clock = Stopwatch.StartNew();
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

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{method}: {calls:N0} calls, {clock.Elapsed.TotalMilliseconds * 1e6 / calls:N1} ns/call, {(double)allocated / calls:N1} B/call on this thread");
        await benchmarks.CleanupAsync();
    }

    private static Action CallIgnoringResult(PipelineBenchmarks target, MethodInfo method)
        => (Action)typeof(ProfileLoop).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.ReturnType)
            .Invoke(null, [Delegate.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), target, method)])!;

    private static Action Wrap<T>(Func<T> function) => () => function();
}
