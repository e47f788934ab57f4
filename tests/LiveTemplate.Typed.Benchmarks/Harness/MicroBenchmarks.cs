using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>
/// Runs BenchmarkDotNet classes in this process (no generated project to build, so the whole comparison fits in a
/// few minutes) with the memory diagnoser, and returns one row per benchmark.
/// </summary>
public static class MicroBenchmarks
{
    public sealed record Row(string Type, string Method, double MedianNanoseconds, double ErrorNanoseconds, long AllocatedBytes);

    public static IReadOnlyList<Row> Run(Type[] benchmarks, string artifacts, bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 4)
            .WithIterationCount(quick ? 5 : 12)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 60 : 120));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        return BenchmarkRunner.Run(benchmarks, config)
            .SelectMany(summary => summary.Reports)
            .Where(r => r.ResultStatistics is not null)
            .Select(r => new Row(
                TypeName(r.BenchmarkCase.Descriptor.Type),
                r.BenchmarkCase.HasParameters ? $"{r.BenchmarkCase.Descriptor.WorkloadMethod.Name} {r.BenchmarkCase.Parameters.DisplayInfo}" : r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.ResultStatistics!.Median,
                r.ResultStatistics.StandardError,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0))
            .ToList();
    }

    private static string TypeName(Type type) => type.IsGenericType ? type.GetGenericArguments()[0].Name : type.Name;
}
