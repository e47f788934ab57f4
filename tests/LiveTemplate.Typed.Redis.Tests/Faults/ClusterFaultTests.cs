using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Faults of a Redis Cluster (3 masters, 3 replicas, node timeout 1 s) under a steady publish load, with sharded
/// pub/sub. Each test gets its own cluster, since it breaks it.
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output) : LoadedFaultTests
{
    private static readonly string LoadChannel = new ChannelNames().GroupAction(new GroupId("load"));
    private RedisCluster _cluster = null!;

    protected override bool Sharded => true;

    protected override async Task StartRedisAsync() => _cluster = Own(await RedisCluster.StartAsync());

    protected override Task<ConnectionMultiplexer> ConnectAsync(string? extraConfiguration = null) => _cluster.ConnectAsync(extraConfiguration);

    [Fact]
    public async Task Master_owning_the_channel_killed_its_replica_takes_over_and_delivery_resumes()
    {
        var (load, receiverLog) = await StartLoadAsync();
        var master = await _cluster.MasterOfAsync(LoadChannel);

        var faultAt = load.Now;
        await master.KillAsync();
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(60));
        var promoted = await _cluster.MasterOfAsync(LoadChannel);
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "cluster: master of the channel's slot killed (replica promoted)", report);
        Assert.NotEqual(master.Port, promoted.Port);
        AssertRecovered(report);
        Assert.Contains(receiverLog.Entries, e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slot_of_the_channel_moved_to_another_master_subscription_follows_and_delivery_continues()
    {
        var (load, _) = await StartLoadAsync();
        var owner = await _cluster.MasterOfAsync(LoadChannel);
        var target = (await _cluster.MastersAsync()).First(m => m != owner);

        var faultAt = load.Now;
        await _cluster.MoveSlotAsync(LoadChannel, target);
        var movedAt = load.Now;
        await load.WaitForDeliveryAfterAsync(movedAt + TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60));
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "cluster: the channel's slot moved to another master (resharding)", report);
        Assert.Equal(target.Port, (await _cluster.MasterOfAsync(LoadChannel)).Port);
        AssertRecovered(report);
    }

    [Fact]
    public async Task Subscriber_connections_killed_on_every_node_delivery_resumes()
    {
        var (load, _) = await StartLoadAsync();

        var faultAt = load.Now;
        foreach (var node in _cluster.Nodes)
        {
            var admin = Own(await node.ConnectAsync("allowAdmin=true"));
            await admin.GetServer(node.Endpoint).ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        }

        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "cluster: CLIENT KILL TYPE pubsub on every node", report);
        AssertRecovered(report);
    }

    [Fact]
    public async Task Master_owning_the_channel_paused_for_five_seconds_fails_over_and_delivery_resumes_after_it_returns()
    {
        var (load, _) = await StartLoadAsync();
        var master = await _cluster.MasterOfAsync(LoadChannel);

        // Five seconds is past the node timeout (1 s): the replica is promoted while the old master is frozen. A
        // client learns of it when the old master answers again (MOVED) after SIGCONT; see docs/reliability.md.
        var faultAt = load.Now;
        master.Pause();
        await Task.Delay(TimeSpan.FromSeconds(5));
        master.Resume();
        await load.WaitForDeliveryAfterAsync(load.Now, TimeSpan.FromSeconds(60));
        var report = await FinishAsync(load, faultAt);

        FaultLog.Write(output, "cluster: master of the channel's slot paused (SIGSTOP) for 5 s, past the node timeout, then SIGCONT", report);
        Assert.NotEqual(master.Port, (await _cluster.MasterOfAsync(LoadChannel)).Port);
        AssertRecovered(report);
    }
}
