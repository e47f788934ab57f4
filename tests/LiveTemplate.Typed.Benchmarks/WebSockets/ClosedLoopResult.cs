namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>A closed-loop run: deliveries per second, CPU time per delivery of both servers and of the load process (its clients), deliveries lost or doubled.</summary>
public sealed record ClosedLoopResult(double DeliveriesPerSecond, double ServerCpuMicrosecondsPerDelivery, double ClientCpuMicrosecondsPerDelivery, long Missing, bool Stalled)
{
    /// <summary>The median of each figure of several rounds on its own; losses and stalls of every round add up.</summary>
    public static ClosedLoopResult Median(IReadOnlyList<ClosedLoopResult> rounds) => new(
        Middle(rounds.Select(r => r.DeliveriesPerSecond)),
        Middle(rounds.Select(r => r.ServerCpuMicrosecondsPerDelivery)),
        Middle(rounds.Select(r => r.ClientCpuMicrosecondsPerDelivery)),
        rounds.Sum(r => r.Missing),
        rounds.Any(r => r.Stalled));

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
