using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>
/// Topic fan-out against the group-action path: instance A → instance B over one redis-server, the same connections
/// on B reached by a group action, a topic they subscribe exactly, a pattern, or both (two copies, one delivered).
/// </summary>
public static class TopicFanOutPart
{
    private static readonly TopicRoute[] Routes = [TopicRoute.GroupAction, TopicRoute.ExactTopic, TopicRoute.Pattern, TopicRoute.ExactAndPattern];

    public static async Task RunAsync(Report report, RunSettings settings, string endpoint)
    {
        report.Heading("Topic fan-out against the group-action path: instance A → instance B over one redis-server");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var results = new List<RouteResult>();
        foreach (var targets in new[] { 1, 100 })
        {
            results.AddRange(await TopicRoutes.MeasureAsync(settings, endpoint, sharded: false, Routes, targets));
        }

        report.Note($"End: {MachineLoad.Describe()}.");
        Write(report, settings, results);
    }

    public static void Write(Report report, RunSettings settings, List<RouteResult> results)
    {
        report.Note($"Closed loop (at most {settings.Window} messages in flight), {settings.Rounds} interleaved round(s) per route after a {settings.WarmUpSeconds} s warm-up, median; "
            + "a message counts when every target connection's queue consumer on B has read it. Each route on channels of its own prefix; ratios against the group action of the same run.");
        var routes = results.Select(r => r.Route).Distinct().ToList();
        RouteResult Of(int targets, TopicRoute route) => results.Single(r => r.Targets == targets && r.Route == route);
        report.Table(
            ["Targets on B", .. routes.Select(r => TopicRoutes.NameOf(r) + " msg/s"), .. routes.Skip(1).Select(r => TopicRoutes.NameOf(r) + " / group")],
            results.Select(r => r.Targets).Distinct().Select(t => (IReadOnlyList<string>)[
                Report.Number(t),
                .. routes.Select(r => Report.Number(Of(t, r).Median)),
                .. routes.Skip(1).Select(r => Report.Ratio(Of(t, r).Median, Of(t, TopicRoute.GroupAction).Median))]));
        report.Table(
            ["Targets", "Route", "Bytes on the channel", "Rounds (msg/s)", "Latency p50 µs", "p99 µs", "max µs"],
            results.Select(r => (IReadOnlyList<string>)[
                Report.Number(r.Targets), TopicRoutes.NameOf(r.Route), Report.Number(r.WireBytes),
                string.Join(", ", r.Throughputs.Select(t => Report.Number(t))),
                Report.Number(r.Latency.P50), Report.Number(r.Latency.P99), Report.Number(r.Latency.Max)]));
        report.Note($"Latency at {PeerMeasurement.LatencyRate(1):N0} msg/s to 1 target and {PeerMeasurement.LatencyRate(100):N0} msg/s to 100 targets, from the envelope's timestamp on A to the consumer on B.");
    }
}
