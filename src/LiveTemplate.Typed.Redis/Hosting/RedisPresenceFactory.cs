using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Hosting;

/// <summary>
/// The host's presence over Redis: the broadcaster's multiplexer, prefix and sharded setting, as the broadcaster has them
/// (<c>LiveTemplate:UseShardedPubSub</c>, then <c>AddRedis</c>'s <c>configure</c>).
/// </summary>
internal sealed class RedisPresenceFactory(Func<IServiceProvider, IConnectionMultiplexer> multiplexer, RedisBroadcasterFactory broadcasterFactory) : IPresenceFactory
{
    public string Store => "redis";

    public IPresence Create(PresenceOptions options, BroadcasterOptions broadcaster, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(broadcaster);
        ArgumentNullException.ThrowIfNull(services);
        var shared = broadcasterFactory.OptionsFor(broadcaster, services);
        var redis = new RedisPresenceOptions(options)
        {
            Prefix = shared.ChannelPrefix,
            UseShardedPubSub = shared.UseShardedPubSub,
        };
        return new RedisPresence(multiplexer(services), redis, services.GetService<ILoggerFactory>()?.CreateLogger<RedisPresence>());
    }
}
