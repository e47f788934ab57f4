using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// The part's tables: each row names every stack's number and each stack's ratio to the last one (SignalR, the
/// reference).
/// </summary>
public static class WebSocketsTables
{
    /// <summary>Writes the fan-out, move-card and memory tables of one run.</summary>
    public static void Write(Report report, IStack[] stacks, StackResults[] results, int idle, double movesPerSecond, int boardSize, Func<int, double> fanOutRate, int rounds)
    {
        var reference = stacks[^1].Name;
        string[] header = ["scenario", "metric", .. stacks.Select(s => s.Name), .. stacks[..^1].Select(s => $"{s.Name} / {reference}")];
        var table = new Rows(results);
        table.AddFanOut("fan-out to", results[0].FanOut.Keys, r => r.FanOut, r => r.FanOutLatency, r => r.DeliveriesPerMessage, fanOutRate, rounds);
        table.AddFanOut("topic fan-out (SignalR: a group) to", results[0].TopicFanOut.Keys, r => r.TopicFanOut, r => r.TopicFanOutLatency, r => r.TopicDeliveriesPerMessage, fanOutRate, rounds);

        if (results.All(r => r.MoveCard is not null))
        {
            table.AddLatency($"move a card, board of {boardSize}, {Report.Number(movesPerSecond)} moves/s", r => r.MoveCard!);
        }

        if (idle > 0)
        {
            table.Add($"{Report.Number(idle)} idle connections", "working set per connection, KiB (lower is better)", r => r.WorkingSetPerConnection / 1024, 1);
            table.Add($"{Report.Number(idle)} idle connections", "managed heap per connection after full GC, KiB", r => r.HeapPerConnection / 1024, 1);
        }

        report.Table(header, table.All);
        report.Note("Latency: from the send call in the load process to the receiving client's read of the frame (µs; p50 / p99 / p99.9 of every delivery). A lost or doubled delivery is shown as \"(N lost)\".");
    }

    private static string Lost(long missing, bool stalled) => (missing, stalled) switch
    {
        (0, false) => string.Empty,
        (_, true) => $" ({Report.Number(missing)} lost, stalled)",
        _ => $" ({Report.Number(missing)} lost)",
    };

    private sealed class Rows(StackResults[] results)
    {
        public List<IReadOnlyList<string>> All { get; } = [];

        public void Add(string scenario, string metric, Func<StackResults, double> pick, int decimals, Func<StackResults, string>? note = null)
        {
            var values = results.Select(pick).ToArray();
            All.Add([
                scenario,
                metric,
                .. results.Select((r, i) => Report.Number(values[i], decimals) + (note?.Invoke(r) ?? string.Empty)),
                .. values[..^1].Select(v => Report.Ratio(v, values[^1])),
            ]);
        }

        public void AddFanOut(string prefix, IEnumerable<int> sizes, Func<StackResults, Dictionary<int, ClosedLoopResult>> closed, Func<StackResults, Dictionary<int, FixedRateResult>> fixedRate, Func<StackResults, Dictionary<int, double>> perMessage, Func<int, double> fanOutRate, int rounds)
        {
            foreach (var size in sizes)
            {
                var name = $"{prefix} {Report.Number(size)}";
                Add(name, $"deliveries/s (closed loop, median of {rounds} rounds; higher is better)", r => closed(r)[size].DeliveriesPerSecond, 0, r => Lost(closed(r)[size].Missing, closed(r)[size].Stalled));
                Add(name, "server CPU µs per delivery (both instances; lower is better)", r => closed(r)[size].ServerCpuMicrosecondsPerDelivery, 1);
                Add(name, "load process (clients) CPU µs per delivery", r => closed(r)[size].ClientCpuMicrosecondsPerDelivery, 1);
                AddLatency($"{name} at {Report.Number(fanOutRate(size))} msg/s", r => fixedRate(r)[size]);
                if (results.All(r => perMessage(r).ContainsKey(size)))
                {
                    Add(name, "deliveries per WebSocket message (one raw client more, a closed loop; 1 = a frame each)", r => perMessage(r)[size], 2);
                }
            }
        }

        public void AddLatency(string scenario, Func<StackResults, FixedRateResult> pick)
        {
            foreach (var (metric, percentile) in new (string, Func<Percentiles, double>)[] { ("latency p50, µs", p => p.P50), ("latency p99, µs", p => p.P99), ("latency p99.9, µs", p => p.P999) })
            {
                Add(scenario, metric + " (lower is better)", r => percentile(pick(r).Latency), 0, r => Lost(pick(r).Missing, false));
            }
        }
    }
}
