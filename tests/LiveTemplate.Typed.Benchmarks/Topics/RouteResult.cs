using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>What one route measured at one number of target connections.</summary>
public sealed class RouteResult(TopicRoute route, int targets)
{
    public TopicRoute Route { get; } = route;

    public int Targets { get; } = targets;

    public int WireBytes { get; set; }

    public List<double> Throughputs { get; } = [];

    public Percentiles Latency { get; set; }

    public double Median
    {
        get
        {
            var sorted = Throughputs.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
