using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>
/// Measures routes side by side on one Redis (or one cluster): every route's peer is started, warmed up, then measured
/// in interleaved rounds (the order rotates each round), then its latency at a fixed rate, with
/// <see cref="PeerMeasurement"/> as the cross-instance benchmark measures its peers.
/// </summary>
public static class TopicRoutes
{
    public static async Task<List<RouteResult>> MeasureAsync(RunSettings settings, string endpoint, bool sharded, IReadOnlyList<TopicRoute> routes, int targets)
    {
        var measure = new PeerMeasurement(settings);
        var scenario = new CrossInstanceScenario(TargetScope.Group, targets);
        var peers = routes.Select(r => new TopicPeer(r, sharded)).ToArray();
        var sinks = peers.Select(_ => new DeliverySink()).ToArray();
        var results = routes.Select(r => new RouteResult(r, targets)).ToList();
        try
        {
            for (var i = 0; i < peers.Length; i++)
            {
                await peers[i].StartAsync(endpoint, scenario, sinks[i]);
                results[i].WireBytes = peers[i].WireBytes;
                await measure.ThroughputAsync(peers[i], sinks[i], settings.WarmUpSeconds, targets);
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var k = 0; k < peers.Length; k++)
                {
                    var i = (k + round) % peers.Length;
                    var (perSecond, _) = await measure.ThroughputAsync(peers[i], sinks[i], settings.ThroughputSeconds, targets);
                    results[i].Throughputs.Add(perSecond);
                    Console.WriteLine($"   {targets} target(s), {peers[i].Name}: {perSecond:N0} messages/s");
                }
            }

            for (var i = 0; i < peers.Length; i++)
            {
                (results[i].Latency, _) = await measure.LatencyAsync(peers[i], sinks[i], targets);
            }
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }

        return results;
    }

    public static string NameOf(TopicRoute route) => new TopicPeer(route, false).Name;
}
