using LiveTemplate.Typed.Testing.Specification;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>The broadcaster specification, run on Redis broadcasters sharing one real redis-server.</summary>
public sealed class RedisBroadcasterSpecification : BroadcasterSpecification
{
    protected override async Task<BroadcasterHarness> CreateHarnessAsync() => await RedisHarness.StartAsync();
}
