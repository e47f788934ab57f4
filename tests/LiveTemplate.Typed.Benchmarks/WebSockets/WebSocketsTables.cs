using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>The part's tables: each row names both stacks' numbers and their ratio.</summary>
public static class WebSocketsTables
{
    /// <summary>Writes the fan-out, move-card and memory tables of one run.</summary>
    public static void Write(Report report, IStack[] stacks, StackResults[] results, int idle, double movesPerSecond, int boardSize, Func<int, double> fanOutRate, int rounds)
    {
        var (ours, signalR) = (results[0], results[1]);
        string[] header = ["scenario", "metric", stacks[0].Name, stacks[1].Name, "ours / SignalR"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var size in ours.FanOut.Keys)
        {
            var (a, b) = (ours.FanOut[size], signalR.FanOut[size]);
            var name = $"fan-out to {Report.Number(size)}";
            rows.Add([name, $"deliveries/s (closed loop, median of {rounds} rounds; higher is better)", Report.Number(a.DeliveriesPerSecond) + Lost(a.Missing, a.Stalled), Report.Number(b.DeliveriesPerSecond) + Lost(b.Missing, b.Stalled), Report.Ratio(a.DeliveriesPerSecond, b.DeliveriesPerSecond)]);
            rows.Add([name, "server CPU µs per delivery (both instances; lower is better)", Report.Number(a.ServerCpuMicrosecondsPerDelivery, 1), Report.Number(b.ServerCpuMicrosecondsPerDelivery, 1), Report.Ratio(a.ServerCpuMicrosecondsPerDelivery, b.ServerCpuMicrosecondsPerDelivery)]);
            rows.Add([name, "load process (clients) CPU µs per delivery", Report.Number(a.ClientCpuMicrosecondsPerDelivery, 1), Report.Number(b.ClientCpuMicrosecondsPerDelivery, 1), Report.Ratio(a.ClientCpuMicrosecondsPerDelivery, b.ClientCpuMicrosecondsPerDelivery)]);
            AddLatency(rows, $"{name} at {Report.Number(fanOutRate(size))} msg/s", ours.FanOutLatency[size], signalR.FanOutLatency[size]);
        }

        AddLatency(rows, $"move a card, board of {boardSize}, {Report.Number(movesPerSecond)} moves/s", ours.MoveCard!, signalR.MoveCard!);
        rows.Add([$"{Report.Number(idle)} idle connections", "working set per connection, KiB (lower is better)", Report.Number(ours.WorkingSetPerConnection / 1024, 1), Report.Number(signalR.WorkingSetPerConnection / 1024, 1), Report.Ratio(ours.WorkingSetPerConnection, signalR.WorkingSetPerConnection)]);
        rows.Add([$"{Report.Number(idle)} idle connections", "managed heap per connection after full GC, KiB", Report.Number(ours.HeapPerConnection / 1024, 1), Report.Number(signalR.HeapPerConnection / 1024, 1), Report.Ratio(ours.HeapPerConnection, signalR.HeapPerConnection)]);
        report.Table(header, rows);
        report.Note("Latency: from the send call in the load process to the receiving client's read of the frame (µs; p50 / p99 / p99.9 of every delivery). A lost or doubled delivery is shown as \"(N lost)\".");
    }

    private static void AddLatency(List<IReadOnlyList<string>> rows, string name, FixedRateResult ours, FixedRateResult signalR)
    {
        foreach (var (metric, pick) in new (string, Func<Percentiles, double>)[] { ("latency p50, µs", p => p.P50), ("latency p99, µs", p => p.P99), ("latency p99.9, µs", p => p.P999) })
        {
            rows.Add([name, metric + " (lower is better)", Report.Number(pick(ours.Latency)) + Lost(ours.Missing, false), Report.Number(pick(signalR.Latency)) + Lost(signalR.Missing, false), Report.Ratio(pick(ours.Latency), pick(signalR.Latency))]);
        }
    }

    private static string Lost(long missing, bool stalled) => (missing, stalled) switch
    {
        (0, false) => string.Empty,
        (_, true) => $" ({Report.Number(missing)} lost, stalled)",
        _ => $" ({Report.Number(missing)} lost)",
    };
}
