using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// Instance A → instance B over one redis-server, every peer side by side in this process: closed-loop throughput
/// (median of interleaved rounds), latency at a fixed rate below saturation, and allocations per message.
/// </summary>
public sealed class CrossInstanceBenchmark(Report report, RunSettings settings, string? onlyPeer = null, string? onlyScenario = null)
{
    /// <summary>Fixed rates of the latency runs, in messages/s (×targets deliveries/s), well below every peer's saturation here.</summary>
    public static int LatencyRate(int targets) => PeerMeasurement.LatencyRate(targets);

    private readonly PeerMeasurement _measure = new(settings);

    public async Task RunAsync(string redisEndpoint)
    {
        report.Heading("Cross-instance: instance A → instance B over one redis-server");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var results = new List<PeerResult>();
        foreach (var scenario in new[] { new CrossInstanceScenario(TargetScope.Group, 1), new(TargetScope.Group, 100), new(TargetScope.User, 1), new(TargetScope.User, 100) })
        {
            if (onlyScenario is not null && !string.Equals(onlyScenario, $"{scenario.Scope}{scenario.Targets}", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            results.AddRange(await RunScenarioAsync(redisEndpoint, scenario));
        }

        report.Note($"End: {MachineLoad.Describe()}.");
        if (onlyPeer is null)
        {
            WriteTables(results);
        }
    }

    private async Task<List<PeerResult>> RunScenarioAsync(string redisEndpoint, CrossInstanceScenario scenario)
    {
        Console.WriteLine($"-- {scenario.Scope}, {scenario.Targets} target(s)");
        ICrossInstancePeer[] all = [new TypedPeer(runHandlers: false), new TypedPeer(runHandlers: true), new RawPeer(), new RawPeer(awaitEachPublish: true), new SignalRPeer()];
        var peers = onlyPeer is null ? all
            : all.Any(p => p.Name == onlyPeer) ? all.Where(p => p.Name == onlyPeer).ToArray()
            : all.Where(p => p.Name.Contains(onlyPeer, StringComparison.OrdinalIgnoreCase)).ToArray();
        var sinks = peers.Select(_ => new DeliverySink()).ToArray();
        var results = peers.Select(p => new PeerResult(scenario, p.Name)).ToArray();
        try
        {
            for (var i = 0; i < peers.Length; i++)
            {
                await peers[i].StartAsync(redisEndpoint, scenario, sinks[i]);
                results[i].WireBytes = peers[i].WireBytes;
            }

            for (var i = 0; i < peers.Length; i++)
            {
                await _measure.ThroughputAsync(peers[i], sinks[i], settings.WarmUpSeconds, scenario.Targets); // warm-up (JIT, pools)
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                // Rotate the order so that no peer always runs right after the same neighbour.
                for (var k = 0; k < peers.Length; k++)
                {
                    var i = (k + round) % peers.Length;
                    var (perSecond, bytesPerMessage) = await _measure.ThroughputAsync(peers[i], sinks[i], settings.ThroughputSeconds, scenario.Targets);
                    results[i].Throughputs.Add(perSecond);
                    results[i].EndToEndBytes.Add(bytesPerMessage);
                    Console.WriteLine($"   {peers[i].Name}: {perSecond:N0} messages/s, {bytesPerMessage:N0} B/message");
                }
            }

            for (var i = 0; i < peers.Length; i++)
            {
                (results[i].Latency, results[i].AchievedRate) = await _measure.LatencyAsync(peers[i], sinks[i], scenario.Targets);
                results[i].PublishOnlyBytes = await _measure.PublishOnlyAsync(peers[i], 20_000);
                Console.WriteLine($"   {peers[i].Name}: latency p50 {results[i].Latency.P50:N0} µs, p99 {results[i].Latency.P99:N0} µs; publishing alone {results[i].PublishOnlyBytes:N0} B/message");
            }
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }

        return [.. results];
    }

    private void WriteTables(List<PeerResult> results)
    {
        const string ours = TypedPeer.QueueName;
        const string handlers = TypedPeer.HandlersName;
        const string raw = RawPeer.FireName;
        const string rawAwaited = RawPeer.AwaitedName;
        const string signalR = "SignalR Redis backplane";
        var scenarios = results.Select(r => r.Scenario).Distinct().ToList();
        PeerResult Of(CrossInstanceScenario s, string name) => results.Single(r => r.Scenario == s && r.Peer == name);
        string Targets(CrossInstanceScenario s) => s.Targets.ToString(System.Globalization.CultureInfo.InvariantCulture);

        report.Note($"Throughput: closed loop (at most {settings.Window} messages in flight), {settings.Rounds} interleaved round(s) per peer after a "
            + $"{settings.WarmUpSeconds} s warm-up, median. A message counts when every target connection's consumer has read it. "
            + $"\"{ours}\": the consumer reads the message from the connection's queue (like the raw and SignalR consumers read bytes); "
            + $"\"{handlers}\": the consumer also runs the generated dispatcher, which runs a typed handler per connection (the action, immutable, is decoded once per message and shared). "
            + $"\"{raw}\" does not wait for each publish (its tasks are checked later); \"{rawAwaited}\" awaits each one inside the publish, as the SDK and SignalR do to report failures.");
        report.Table(
            ["Scope", "Targets on B", ours + " msg/s", handlers + " msg/s", raw + " msg/s", rawAwaited + " msg/s", signalR + " msg/s", "ours / raw", "ours / raw awaited", "ours / SignalR", "ours + handlers / SignalR", "SignalR / raw"],
            scenarios.Select(s => (IReadOnlyList<string>)[
                s.Scope.ToString(), Targets(s),
                Report.Number(Of(s, ours).MedianThroughput), Report.Number(Of(s, handlers).MedianThroughput),
                Report.Number(Of(s, raw).MedianThroughput), Report.Number(Of(s, rawAwaited).MedianThroughput), Report.Number(Of(s, signalR).MedianThroughput),
                Report.Ratio(Of(s, ours).MedianThroughput, Of(s, raw).MedianThroughput),
                Report.Ratio(Of(s, ours).MedianThroughput, Of(s, rawAwaited).MedianThroughput),
                Report.Ratio(Of(s, ours).MedianThroughput, Of(s, signalR).MedianThroughput),
                Report.Ratio(Of(s, handlers).MedianThroughput, Of(s, signalR).MedianThroughput),
                Report.Ratio(Of(s, signalR).MedianThroughput, Of(s, raw).MedianThroughput)]));

        report.Note("Every round (messages/s; deliveries/s = messages/s × targets):");
        report.Table(
            ["Scope", "Targets", "Peer", "Bytes on the channel", "Rounds (msg/s)", "Median deliveries/s"],
            results.Select(r => (IReadOnlyList<string>)[
                r.Scenario.Scope.ToString(), Targets(r.Scenario), r.Peer,
                r.WireBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", r.Throughputs.Select(t => Report.Number(t))),
                Report.Number(r.MedianThroughput * r.Scenario.Targets)]));

        report.Note($"Latency at a fixed rate ({LatencyRate(1):N0} msg/s to 1 target, {LatencyRate(100):N0} msg/s to 100 targets = {LatencyRate(100) * 100:N0} deliveries/s), "
            + "from the publish call on A to the consumer on B, every delivery a sample, microseconds:");
        report.Table(
            ["Scope", "Targets", "Peer", "Achieved msg/s", "Samples", "p50 µs", "p99 µs", "p99.9 µs", "max µs"],
            results.Select(r => (IReadOnlyList<string>)[
                r.Scenario.Scope.ToString(), Targets(r.Scenario), r.Peer,
                Report.Number(r.AchievedRate), Report.Number(r.Latency.Samples),
                Report.Number(r.Latency.P50), Report.Number(r.Latency.P99), Report.Number(r.Latency.P999), Report.Number(r.Latency.Max)]));

        report.Note("Allocations (whole process, GC.GetTotalAllocatedBytes): publishing alone to a scope nobody subscribes, the throughput run end to end, "
            + "and the difference, which is the receive path (B's Redis client, decoding, fan-out, the connections' consumers):");
        report.Table(
            ["Scope", "Targets", "Peer", "Publish only B/msg", "End to end B/msg (median)", "Receive path B/msg", "Receive path B/delivery"],
            results.Select(r => (IReadOnlyList<string>)[
                r.Scenario.Scope.ToString(), Targets(r.Scenario), r.Peer,
                Report.Number(r.PublishOnlyBytes), Report.Number(r.MedianEndToEndBytes),
                Report.Number(r.MedianEndToEndBytes - r.PublishOnlyBytes),
                Report.Number((r.MedianEndToEndBytes - r.PublishOnlyBytes) / r.Scenario.Targets)]));
    }

    private sealed class PeerResult(CrossInstanceScenario scenario, string peer)
    {
        public CrossInstanceScenario Scenario { get; } = scenario;

        public string Peer { get; } = peer;

        public int WireBytes { get; set; }

        public List<double> Throughputs { get; } = [];

        public List<double> EndToEndBytes { get; } = [];

        public Percentiles Latency { get; set; }

        public double AchievedRate { get; set; }

        public double PublishOnlyBytes { get; set; }

        public double MedianThroughput => Median(Throughputs);

        public double MedianEndToEndBytes => Median(EndToEndBytes);

        private static double Median(List<double> values)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
