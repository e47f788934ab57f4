using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Benchmarks.Publishing;
using LiveTemplate.Typed.Benchmarks.Serialization;
using LiveTemplate.Typed.Testing;

// The whole comparison of issue 6 in one process: ./eng/bench.sh runs it (see docs/benchmarks.md).
//   dotnet run -c Release --project tests/LiveTemplate.Typed.Benchmarks -- [parts...] [--quick] [--out FILE]
// Parts: serialization, pipeline, cross-instance, fan-out, subscriptions, generator (default: all of them).
var parts = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var quick = args.Contains("--quick");
var outIndex = Array.IndexOf(args, "--out");
var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "artifacts/bench/report.md";
parts.ExceptWith([outPath]);
bool Wants(string part) => parts.Count == 0 || parts.Contains(part) || parts.Contains("all");

var settings = new RunSettings(quick);
var report = new Report();
report.Note($"# Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick)" : string.Empty)}");
report.Note($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {MachineLoad.Describe()}.");
var total = Stopwatch.StartNew();
var artifacts = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "BenchmarkDotNet");

if (Wants("serialization"))
{
    SerializationPart.Run(report, artifacts, quick);
}

if (Wants("pipeline"))
{
    PipelinePart.Run(report, artifacts, quick);
}

if (Wants("cross-instance"))
{
    await using var redis = await RedisServer.StartAsync();
    report.Note($"redis-server: {await RedisInfo.VersionAsync(redis.Endpoint)} on {redis.Endpoint}.");
    await new CrossInstanceBenchmark(report, settings).RunAsync(redis.Endpoint);
}

report.Note($"\nTotal time {total.Elapsed.TotalSeconds:N0} s; {MachineLoad.Describe()} at the end.");
report.Save(outPath);
Console.WriteLine($"Report written to {Path.GetFullPath(outPath)}");
