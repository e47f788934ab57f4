using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>
/// The cost of a topic publish on a Redis Cluster with sharded pub/sub: a sharded SPUBLISH for the exact subscribers
/// plus the classic PUBLISH copy for pattern subscribers, against a sharded group action (SPUBLISH only). Throughput
/// and latency from A to one connection on B, then a counted run per route: commands, cluster-bus publish messages and
/// bytes the nodes wrote, per message.
/// </summary>
public static class ClusterTopicCostPart
{
    private const int CountedMessages = 10_000;
    private static readonly TopicRoute[] Routes = [TopicRoute.GroupAction, TopicRoute.ExactTopic, TopicRoute.Pattern];

    public static async Task RunAsync(Report report, RunSettings settings)
    {
        report.Heading("Topics on a Redis Cluster (sharded pub/sub): the cost of the double publish");
        await using var cluster = await RedisCluster.StartAsync();
        report.Note($"Loopback cluster of {cluster.Nodes.Count} redis-server processes (3 masters, 1 replica each), {await RedisInfo.VersionAsync(cluster.Nodes[0].Endpoint)}. Start: {MachineLoad.Describe()}.");
        var results = await TopicRoutes.MeasureAsync(settings, cluster.Endpoints, sharded: true, Routes, targets: 1);
        TopicFanOutPart.Write(report, settings, results);

        using var admin = await cluster.ConnectAsync("allowAdmin=true");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var route in Routes)
        {
            var counted = await CountAsync(cluster, admin, route);
            rows.Add([
                TopicRoutes.NameOf(route),
                Report.Number((double)counted.SPublish / CountedMessages, 2),
                Report.Number((double)counted.Publish / CountedMessages, 2),
                Report.Number((double)counted.BusPublishShard / CountedMessages, 2),
                Report.Number((double)counted.BusPublish / CountedMessages, 2),
                Report.Number((double)counted.BytesWritten / CountedMessages)]);
        }

        report.Note($"Counted run: {CountedMessages:N0} messages from A to one connection on B per route (one route at a time, the others stopped), summed over every node, per message. "
            + "Bus messages: CLUSTER INFO's cluster_stats_messages_publishshard_sent/publish_sent. Bytes written: wchar of every redis-server process (/proc/PID/io), which includes the replies to clients, "
            + "the deliveries to subscribers, the cluster bus (its gossip too) and replication.");
        report.Table(["Route", "SPUBLISH / msg", "PUBLISH / msg", "Bus publishshard msgs / msg", "Bus publish msgs / msg", "Bytes written by the nodes / msg"], rows);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static async Task<ClusterCounters> CountAsync(RedisCluster cluster, StackExchange.Redis.IConnectionMultiplexer admin, TopicRoute route)
    {
        var sink = new DeliverySink();
        await using var peer = new TopicPeer(route, sharded: true);
        await peer.StartAsync(cluster.Endpoints, new CrossInstanceScenario(TargetScope.Group, 1), sink);
        sink.Reset(0);
        var before = await ClusterCounters.ReadAsync(cluster, admin);
        var inFlight = new Task[256];
        for (var i = 0; i < CountedMessages; i++)
        {
            var slot = i % inFlight.Length;
            if (inFlight[slot] is { } earlier)
            {
                await earlier;
            }

            inFlight[slot] = peer.PublishAsync(i);
        }

        await Task.WhenAll(inFlight.Where(t => t is not null));
        await sink.WaitForAsync(CountedMessages).WaitAsync(TimeSpan.FromSeconds(60));
        return await ClusterCounters.ReadAsync(cluster, admin) - before;
    }
}
