using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>A fixed-rate run: latency percentiles of every delivery, deliveries lost or doubled.</summary>
public sealed record FixedRateResult(Percentiles Latency, long Missing);
