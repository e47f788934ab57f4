using System.Diagnostics;
using System.Runtime.InteropServices;
using LiveTemplate.Typed.Benchmarks.Aot;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.FanOut;
using LiveTemplate.Typed.Benchmarks.Generator;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Benchmarks.History;
using LiveTemplate.Typed.Benchmarks.Presence;
using LiveTemplate.Typed.Benchmarks.Publishing;
using LiveTemplate.Typed.Benchmarks.Serialization;
using LiveTemplate.Typed.Benchmarks.Subscriptions;
using LiveTemplate.Typed.Benchmarks.Topics;
using LiveTemplate.Typed.Benchmarks.WebSockets;
using LiveTemplate.Typed.Testing;

// The whole comparison of issue 6 in one process: ./eng/bench.sh runs it (see docs/benchmarks.md).
//   dotnet run -c Release --project tests/LiveTemplate.Typed.Benchmarks -- [parts...] [--quick] [--out FILE]
// Parts: serialization, pipeline, cross-instance, topics, topics-cluster, fan-out, subscriptions, generator, websockets, aot-startup, history, presence (default: all of them).
var parts = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var quick = args.Contains("--quick");
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var outPath = Option("--out") ?? "artifacts/bench/report.md";
var onlyPeer = Option("--peer");         // for profiling: one peer (a part of its name) ...
var onlyScenario = Option("--scenario"); // ... and one scenario (Group1, Group100, User1, User100)
parts.ExceptWith(new[] { outPath, onlyPeer, onlyScenario, Option("--threads"), Option("--round-seconds"), Option("--baseline-server"), Option("--baseline-generator"), Option("--fan-out-only") }.OfType<string>());
bool Wants(string part) => parts.Count == 0 || parts.Contains(part) || parts.Contains("all");

if (parts.FirstOrDefault(p => p.StartsWith("profile:", StringComparison.Ordinal)) is { } profile)
{
    await ProfileLoop.RunAsync(profile["profile:".Length..], quick ? 3 : 10, int.Parse(Option("--threads") ?? "1", System.Globalization.CultureInfo.InvariantCulture));
    return;
}

using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
var settings = new RunSettings(quick, Option("--round-seconds") is { } roundSeconds ? double.Parse(roundSeconds, System.Globalization.CultureInfo.InvariantCulture) : null);
var report = new Report();
report.Note($"# Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick)" : string.Empty)}");
report.Note($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {MachineLoad.Describe()}.");
var total = Stopwatch.StartNew();
var artifacts = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "BenchmarkDotNet");

try
{
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
        await new CrossInstanceBenchmark(report, settings, onlyPeer, onlyScenario).RunAsync(redis.Endpoint);
    }

    if (Wants("topics"))
    {
        await using var redis = await RedisServer.StartAsync();
        await TopicFanOutPart.RunAsync(report, settings, redis.Endpoint);
    }

    if (Wants("topics-cluster"))
    {
        await ClusterTopicCostPart.RunAsync(report, settings);
    }

    if (Wants("fan-out"))
    {
        await FanOutPart.RunAsync(report, settings);
    }

    if (Wants("subscriptions"))
    {
        await SubscriptionScalePart.RunAsync(report, settings);
    }

    if (Wants("generator"))
    {
        GeneratorPart.Run(report, settings);
    }

    if (Wants("websockets"))
    {
        await using var redis = await RedisServer.StartAsync();
        await WebSocketsPart.RunAsync(report, settings, redis.Endpoint);
    }

    if (Wants("history"))
    {
        await using var redis = await RedisServer.StartAsync();
        await HistoryPart.RunAsync(report, settings, redis.Endpoint);
    }

    if (Wants("presence"))
    {
        await using var redis = await RedisServer.StartAsync();
        await PresencePart.RunAsync(report, settings, redis.Endpoint);
    }

    if (Wants("aot-startup"))
    {
        await using var redis = await RedisServer.StartAsync();
        await AotStartupPart.RunAsync(report, settings, redis.Endpoint);
    }
}
finally
{
    // Whatever ran is saved, even when a later part fails.
    report.Note($"\nTotal time {total.Elapsed.TotalSeconds:N0} s; {MachineLoad.Describe()} at the end.");
    allocations?.Print(25);
    report.Save(outPath);
    Console.WriteLine($"Report written to {Path.GetFullPath(outPath)}");
}
