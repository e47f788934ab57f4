using System.Diagnostics.Metrics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// Chooses the broadcaster: Redis over the multiplexer given to <c>AddRedis(...)</c>, else Redis over a
/// multiplexer opened from <see cref="LiveTemplateOptions.Redis"/>, else the in-memory broadcaster.
/// </summary>
internal static class BroadcasterFactory
{
    public static IBroadcaster Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value;
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var meters = services.GetService<IMeterFactory>();
        var logger = loggers.CreateLogger<LiveTemplateRuntime>();

        var multiplexer = services.GetService<RedisConnectionSource>()?.Resolve(services)
            ?? (string.IsNullOrWhiteSpace(options.Redis) ? null : services.GetRequiredService<OwnedRedisConnection>().Multiplexer);
        if (multiplexer is null)
        {
            LiveLog.TransportChosen(logger, "in-memory", "one instance, no services");
            return new InMemoryBroadcaster(
                new BroadcasterOptions { ChannelPrefix = options.ChannelPrefix, MeterFactory = meters },
                loggers.CreateLogger<InMemoryBroadcaster>());
        }

        LiveLog.TransportChosen(logger, "redis", string.Join(", ", multiplexer.GetEndPoints().Select(e => e.ToString())));
        return new RedisBroadcaster(
            multiplexer,
            new RedisBroadcasterOptions { ChannelPrefix = options.ChannelPrefix, UseShardedPubSub = options.UseShardedPubSub, MeterFactory = meters },
            loggers.CreateLogger<RedisBroadcaster>());
    }
}
