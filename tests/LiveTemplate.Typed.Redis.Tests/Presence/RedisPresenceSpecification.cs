using LiveTemplate.Typed.Testing.Presence;

namespace LiveTemplate.Typed.Redis.Tests.Presence;

/// <summary>The presence specification on one real redis-server, plain pub/sub for the events.</summary>
public sealed class RedisPresenceSpecification : PresenceSpecification
{
    protected override async Task<PresenceHarness> CreateHarnessAsync() => await RedisPresenceHarness.OnNewServerAsync();
}

/// <summary>The presence specification on a real Redis Cluster (3 masters, 3 replicas), sharded pub/sub for the events.</summary>
public sealed class ClusterPresenceSpecification(ClusterFixture cluster) : PresenceSpecification, IClassFixture<ClusterFixture>
{
    protected override Task<PresenceHarness> CreateHarnessAsync() => Task.FromResult<PresenceHarness>(RedisPresenceHarness.OnCluster(cluster.Cluster));
}
