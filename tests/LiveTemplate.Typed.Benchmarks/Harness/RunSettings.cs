namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>How long each part runs: the documented run, or a quick one (about a third) for trying things out.</summary>
public sealed record RunSettings(bool Quick)
{
    /// <summary>Throughput runs per peer and scenario; the table shows the median.</summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>Seconds each throughput run publishes for (then it waits for the last deliveries).</summary>
    public double ThroughputSeconds => Quick ? 0.5 : 1.5;

    /// <summary>Seconds of each fixed-rate latency run.</summary>
    public double LatencySeconds => Quick ? 1.5 : 4;

    /// <summary>Messages at most in flight (published, not yet delivered to every target) in a throughput run.</summary>
    public int Window => 256;
}
