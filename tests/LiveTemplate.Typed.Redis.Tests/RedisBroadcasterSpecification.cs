using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Specification;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>The broadcaster specification on one real redis-server, plain pub/sub (PUBLISH/SUBSCRIBE).</summary>
public sealed class RedisBroadcasterSpecification : BroadcasterSpecification
{
    protected override async Task<BroadcasterHarness> CreateHarnessAsync() => await RedisHarness.OnNewServerAsync(sharded: false);
}

/// <summary>The broadcaster specification on one real redis-server, sharded pub/sub (SPUBLISH/SSUBSCRIBE).</summary>
public sealed class ShardedRedisBroadcasterSpecification : BroadcasterSpecification
{
    protected override async Task<BroadcasterHarness> CreateHarnessAsync() => await RedisHarness.OnNewServerAsync(sharded: true);
}

/// <summary>The broadcaster specification on a real Redis Cluster (3 masters, 3 replicas), sharded pub/sub.</summary>
public sealed class ClusterBroadcasterSpecification(ClusterFixture cluster) : BroadcasterSpecification, IClassFixture<ClusterFixture>
{
    protected override async Task<BroadcasterHarness> CreateHarnessAsync() => await RedisHarness.OnClusterAsync(cluster.Cluster);
}

/// <summary>
/// The same contract with classic pub/sub on a cluster (<c>UseShardedPubSub</c> off): every publish is forwarded over the
/// cluster bus, so a channel's order holds only if its publishes start on one node (they are routed by the channel's slot).
/// </summary>
public sealed class ClusterClassicBroadcasterSpecification(ClusterFixture cluster) : BroadcasterSpecification, IClassFixture<ClusterFixture>
{
    protected override async Task<BroadcasterHarness> CreateHarnessAsync() => await RedisHarness.OnClusterAsync(cluster.Cluster, sharded: false);
}

/// <summary>One cluster for a whole test class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public RedisCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await RedisCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
