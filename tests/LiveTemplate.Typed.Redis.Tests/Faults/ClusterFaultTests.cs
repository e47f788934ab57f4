using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LiveTemplate.Typed.Redis.Tests.Faults;

/// <summary>
/// Faults of a Redis Cluster (3 masters, 3 replicas, node timeout 1 s) under a steady publish load, with sharded
/// pub/sub. Each test gets its own cluster, since it breaks it.
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private static readonly string LoadChannel = new ChannelNames().GroupAction(new GroupId("load"));
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
    public async Task MasterOwningTheChannelKilled_ItsReplicaTakesOver_AndDeliveryResumes()
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
        SingleRedisFaultTests.AssertRecovered(report);
        Assert.Contains(receiverLog.Entries, e => e.Message.StartsWith("Reconnected successfully", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlotOfTheChannelMovedToAnotherMaster_SubscriptionFollows_AndDeliveryContinues()
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
        SingleRedisFaultTests.AssertRecovered(report);
    }

    [Fact]
    public async Task SubscriberConnectionsKilledOnEveryNode_DeliveryResumes()
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
        SingleRedisFaultTests.AssertRecovered(report);
    }

    [Fact]
    public async Task MasterOwningTheChannelPausedForFiveSeconds_FailsOver_AndDeliveryResumesAfterItReturns()
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
        SingleRedisFaultTests.AssertRecovered(report);
    }

    private async Task<(SteadyLoad Load, RecordingLogger ReceiverLog)> StartLoadAsync()
    {
        var (publisher, _) = await StartBroadcasterAsync();
        var (receiver, log) = await StartBroadcasterAsync();
        var load = await SteadyLoad.StartAsync(publisher, receiver, new GroupId("load"), Interval);
        await load.WaitForDeliveryAfterAsync(TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return (load, log);
    }

    private static async Task<LoadReport> FinishAsync(SteadyLoad load, TimeSpan faultAt)
    {
        await load.WaitForDeliveryAfterAsync(faultAt, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        return await load.StopAsync(faultAt, settle: TimeSpan.FromMilliseconds(500));
    }

    private async Task<(RedisBroadcaster Broadcaster, RecordingLogger Log)> StartBroadcasterAsync()
    {
        var multiplexer = Own(await _cluster.ConnectAsync());
        var log = new RecordingLogger<RedisBroadcaster>();
        var options = new RedisBroadcasterOptions { UseShardedPubSub = true, ReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        return (Own(new RedisBroadcaster(multiplexer, options, log)), log);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
