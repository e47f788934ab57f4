using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// A Redis Cluster (3 masters, 3 replicas, node timeout 1 s, sharded pub/sub) under 2,000 messages a second over 1,000
/// groups with history on: a master is killed and its replica takes over. Streams the replica has are recovered; what
/// it lacks (replication is asynchronous) is told; no group is silently short.
/// </summary>
public sealed class ClusterHistoryFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = Own(await RedisCluster.StartAsync());

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Master_killed_its_replica_takes_over_streams_are_recovered_or_told_none_is_silently_short()
    {
        var publisher = await StartBroadcasterAsync();
        var receiver = await StartBroadcasterAsync();
        var load = await HistoryLoad.StartAsync(publisher, receiver);
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1));
        // A master other than the first node, which the cluster helper asks for slots.
        string channel = null!;
        RedisServer master = null!;
        for (var i = 0; i < load.Groups && (master is null || master.Port == _cluster.Nodes[0].Port); i++)
        {
            channel = new ChannelNames().GroupAction(new GroupId("h" + i));
            master = await _cluster.MasterOfAsync(channel);
        }

        var faultAt = load.Now;
        await master.KillAsync();
        await Eventually.UntilAsync(async () => (await _cluster.MasterOfAsync(channel)).Port != master.Port, TimeSpan.FromSeconds(60), "a replica was promoted");
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var report = await load.StopAsync(faultAt, settle: TimeSpan.FromSeconds(30));

        FaultLog.Write(output, "history, cluster: master killed, replica promoted (2,000 msg/s over 1,000 groups)", report);
        HistoryFaultTests.AssertNothingSilent(report);
    }

    private async Task<RedisBroadcaster> StartBroadcasterAsync()
    {
        var multiplexer = Own(await _cluster.ConnectAsync());
        var options = new RedisBroadcasterOptions { UseShardedPubSub = true, History = HistoryKinds.GroupAction, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return Own(new RedisBroadcaster(multiplexer, options, new RecordingLogger<RedisBroadcaster>()));
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
