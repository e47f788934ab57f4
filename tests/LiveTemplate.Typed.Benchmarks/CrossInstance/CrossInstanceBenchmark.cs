using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// Instance A → instance B over one redis-server, every peer side by side in this process: closed-loop throughput
/// (median of interleaved rounds), latency at a fixed rate below saturation, and allocations per message.
/// </summary>
public sealed class CrossInstanceBenchmark(Report report, RunSettings settings, string? onlyPeer = null, string? onlyScenario = null)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Fixed rates of the latency runs, in messages/s (×targets deliveries/s), well below every peer's saturation here.</summary>
    public static int LatencyRate(int targets) => targets == 1 ? 2_000 : 100;

    // Publish tasks still to be checked: a ring, since far more messages are published per run than are in flight.
    private readonly Task[] _pending = new Task[4096];

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
                await ThroughputAsync(peers[i], sinks[i], settings.WarmUpSeconds, scenario.Targets); // warm-up (JIT, pools)
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                // Rotate the order so that no peer always runs right after the same neighbour.
                for (var k = 0; k < peers.Length; k++)
                {
                    var i = (k + round) % peers.Length;
                    var (perSecond, bytesPerMessage) = await ThroughputAsync(peers[i], sinks[i], settings.ThroughputSeconds, scenario.Targets);
                    results[i].Throughputs.Add(perSecond);
                    results[i].EndToEndBytes.Add(bytesPerMessage);
                    Console.WriteLine($"   {peers[i].Name}: {perSecond:N0} messages/s, {bytesPerMessage:N0} B/message");
                }
            }

            for (var i = 0; i < peers.Length; i++)
            {
                (results[i].Latency, results[i].AchievedRate) = await LatencyAsync(peers[i], sinks[i], scenario.Targets);
                results[i].PublishOnlyBytes = await PublishOnlyAsync(peers[i], 20_000);
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

    private async Task<(double PerSecond, double BytesPerMessage)> ThroughputAsync(ICrossInstancePeer peer, DeliverySink sink, double seconds, int targets)
    {
        sink.Reset(0);
        var window = settings.Window;
        var duration = Stopwatch.Frequency * seconds;
        Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        long count = 0;
        while (Stopwatch.GetTimestamp() - start < duration)
        {
            // A batch between clock reads; too much in flight: wait until half the window has drained.
            for (var n = 0; n < 64; n++, count++)
            {
                var needed = (count - window) * targets;
                if (needed > 0 && sink.Delivered < needed)
                {
                    await sink.WaitForAsync(needed + (window / 2L * targets));
                }

                await Track(count, peer.PublishAsync(count));
            }
        }

        await WaitForDeliveriesAsync(peer, sink, count * targets);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await DrainAsync();
        return (count / elapsed.TotalSeconds, (double)allocated / count);
    }

    private static async Task WaitForDeliveriesAsync(ICrossInstancePeer peer, DeliverySink sink, long expected)
    {
        try
        {
            await sink.WaitForAsync(expected).WaitAsync(DeliveryTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{peer.Name}: {sink.Delivered:N0} of {expected:N0} deliveries arrived within {DeliveryTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>Keeps a publish task to check later; first checks the one it replaces in the ring (long done by then).</summary>
    private async ValueTask Track(long index, Task publish)
    {
        var slot = (int)(index % _pending.Length);
        if (_pending[slot] is { } earlier)
        {
            await earlier;
        }

        _pending[slot] = publish;
    }

    private async Task DrainAsync()
    {
        foreach (var task in _pending)
        {
            if (task is not null)
            {
                await task;
            }
        }

        Array.Clear(_pending);
    }

    private async Task<(Percentiles Latency, double AchievedRate)> LatencyAsync(ICrossInstancePeer peer, DeliverySink sink, int targets)
    {
        var rate = LatencyRate(targets);
        var count = (int)(rate * settings.LatencySeconds);
        sink.Reset(count * targets);
        Settle();
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < count)
        {
            var due = Math.Min(count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
            while (sent < due)
            {
                await Track(sent, peer.PublishAsync(sent));
                sent++;
            }

            await Task.Delay(1);
        }

        await WaitForDeliveriesAsync(peer, sink, (long)count * targets);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await DrainAsync();
        return (Percentiles.Of(sink.Latencies), count / elapsed.TotalSeconds);
    }

    private async Task<double> PublishOnlyAsync(ICrossInstancePeer peer, int count)
    {
        var inFlight = new Task[256];
        Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            var slot = i % inFlight.Length;
            if (inFlight[slot] is { } earlier)
            {
                await earlier;
            }

            inFlight[slot] = peer.PublishToNobodyAsync(i);
        }

        await Task.WhenAll(inFlight.Where(t => t is not null));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (double)allocated / count;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
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
