namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>How long each part runs: the documented run, or a quick one (about a third) for trying things out.</summary>
public sealed record RunSettings(bool Quick, double? RoundSeconds = null)
{
    /// <summary>Throughput runs per peer and scenario; the table shows the median.</summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>
    /// Seconds each throughput run publishes for (then it waits for the last deliveries); <c>--round-seconds</c> makes
    /// the rounds long enough for a profiler to watch one of them alone.
    /// </summary>
    public double ThroughputSeconds => RoundSeconds ?? (Quick ? 0.5 : 1.5);

    /// <summary>Seconds of each fixed-rate latency run.</summary>
    public double LatencySeconds => Quick ? 1.5 : 4;

    /// <summary>Seconds of warm-up per peer and scenario before the measured rounds (JIT tiering, pools, PGO).</summary>
    public double WarmUpSeconds => Quick ? 0.5 : 1.5;

    /// <summary>
    /// Capacity of every test connection's queue (ours and raw's): the publisher's window bounds the deliveries in
    /// flight in total, not per connection, so one consumer starved by the scheduler may fall far behind the others.
    /// Large queues keep drops (which would stall a closed-loop run) out of the measurement.
    /// </summary>
    public const int QueueCapacity = 1 << 16;

    /// <summary>Messages at most in flight (published, not yet delivered to every target) in a throughput run.</summary>
    public int Window => 256;
}
