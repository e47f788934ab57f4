using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>The multiplexer the application chose with <c>AddRedis(...)</c>; it stays the application's to dispose.</summary>
internal sealed class RedisConnectionSource(Func<IServiceProvider, IConnectionMultiplexer> resolve)
{
    public IConnectionMultiplexer Resolve(IServiceProvider services)
        => resolve(services) ?? throw new InvalidOperationException("The IConnectionMultiplexer given to AddRedis(...) resolved to null.");
}
