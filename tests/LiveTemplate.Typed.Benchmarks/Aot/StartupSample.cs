namespace LiveTemplate.Typed.Benchmarks.Aot;

/// <summary>One start of the proof app: time to readiness, and working set when ready and with the connections open.</summary>
public sealed record StartupSample(TimeSpan Startup, long ReadyBytes, long ConnectedBytes)
{
    /// <summary>The median of each figure on its own.</summary>
    public static StartupSample Median(IReadOnlyList<StartupSample> samples) => new(
        samples.Select(s => s.Startup).Order().ElementAt(samples.Count / 2),
        samples.Select(s => s.ReadyBytes).Order().ElementAt(samples.Count / 2),
        samples.Select(s => s.ConnectedBytes).Order().ElementAt(samples.Count / 2));
}
