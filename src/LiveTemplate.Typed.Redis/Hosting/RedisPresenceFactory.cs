using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Hosting;

/// <summary>The host's presence over Redis: the broadcaster's multiplexer, prefix and sharded setting (<c>LiveTemplate:UseShardedPubSub</c>).</summary>
internal sealed class RedisPresenceFactory(Func<IServiceProvider, IConnectionMultiplexer> multiplexer) : IPresenceFactory
{
    public string Store => "redis";

    public IPresence Create(PresenceOptions options, BroadcasterOptions broadcaster, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(broadcaster);
        ArgumentNullException.ThrowIfNull(services);
        var redis = new RedisPresenceOptions(options)
        {
            Prefix = broadcaster.ChannelPrefix,
            UseShardedPubSub = RedisBroadcasterFactory.ReadSharded(services.GetService<IConfiguration>()),
        };
        return new RedisPresence(multiplexer(services), redis, services.GetService<ILoggerFactory>()?.CreateLogger<RedisPresence>());
    }
}
