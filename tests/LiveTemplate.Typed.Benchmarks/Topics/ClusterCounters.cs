using System.Globalization;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>
/// What every node of a cluster has done so far, summed over the nodes: PUBLISH and SPUBLISH calls (INFO
/// commandstats), publish messages sent over the cluster bus (CLUSTER INFO), and bytes written by the redis-server
/// processes (wchar of /proc/PID/io: client replies, the cluster bus and replication).
/// </summary>
public readonly record struct ClusterCounters(long Publish, long SPublish, long BusPublish, long BusPublishShard, long BytesWritten)
{
    public static async Task<ClusterCounters> ReadAsync(RedisCluster cluster, IConnectionMultiplexer admin)
    {
        long publish = 0, spublish = 0, bus = 0, busShard = 0, written = 0;
        foreach (var node in cluster.Nodes)
        {
            var server = admin.GetServer(node.Endpoint);
            var stats = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
            publish += Calls(stats, "cmdstat_publish");
            spublish += Calls(stats, "cmdstat_spublish");
            var info = ((string?)await server.ExecuteAsync("CLUSTER", "INFO") ?? string.Empty)
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            bus += Number(info, "cluster_stats_messages_publish_sent");
            busShard += Number(info, "cluster_stats_messages_publishshard_sent");
            written += node.ProcessId is { } pid ? WrittenBytes(pid) : 0;
        }

        return new ClusterCounters(publish, spublish, bus, busShard, written);
    }

    public static ClusterCounters operator -(ClusterCounters after, ClusterCounters before)
        => new(after.Publish - before.Publish, after.SPublish - before.SPublish, after.BusPublish - before.BusPublish,
            after.BusPublishShard - before.BusPublishShard, after.BytesWritten - before.BytesWritten);

    private static long Calls(Dictionary<string, string> stats, string key)
        => stats.TryGetValue(key, out var value) && value.Split(',')[0] is var calls && calls.StartsWith("calls=", StringComparison.Ordinal)
            ? long.Parse(calls["calls=".Length..], CultureInfo.InvariantCulture)
            : 0;

    private static long Number(Dictionary<string, string> info, string key)
        => info.TryGetValue(key, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    private static long WrittenBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/io"))
        {
            if (line.StartsWith("wchar:", StringComparison.Ordinal))
            {
                return long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
