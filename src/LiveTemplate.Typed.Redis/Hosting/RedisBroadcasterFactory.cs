using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Hosting;

/// <summary>
/// The host's broadcaster over Redis: the shared settings the host bound and validated, then Redis's own from the
/// same configuration section (<c>LiveTemplate:UseShardedPubSub</c>), then the app's code.
/// </summary>
internal sealed class RedisBroadcasterFactory(Func<IServiceProvider, IConnectionMultiplexer> multiplexer, Action<RedisBroadcasterOptions>? configure) : IBroadcasterFactory
{
    /// <summary>The configuration key of <see cref="RedisBroadcasterOptions.UseShardedPubSub"/>.</summary>
    public const string ShardedKey = "LiveTemplate:UseShardedPubSub";

    private readonly object _gate = new();
    private (BroadcasterOptions Options, IServiceProvider Services, RedisBroadcasterOptions Redis)? _made;

    public string Transport => "redis";

    public IBroadcaster Create(BroadcasterOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var redis = OptionsFor(options, services);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<RedisBroadcaster>() ?? NullLogger<RedisBroadcaster>.Instance;
        return new RedisBroadcaster(multiplexer(services), redis, logger);
    }

    /// <summary>
    /// The broadcaster's Redis settings: the host's, then configuration's, then the app's code; presence takes its prefix
    /// and sharding from them. They are made once per app (its options and services), so the app's <c>configure</c> runs once.
    /// </summary>
    public RedisBroadcasterOptions OptionsFor(BroadcasterOptions options, IServiceProvider services)
    {
        lock (_gate)
        {
            if (_made is { } made && ReferenceEquals(made.Options, options) && ReferenceEquals(made.Services, services))
            {
                return made.Redis;
            }

            var redis = Make(options, services);
            _made = (options, services, redis);
            return redis;
        }
    }

    private RedisBroadcasterOptions Make(BroadcasterOptions options, IServiceProvider services)
    {
        var redis = new RedisBroadcasterOptions(options) { UseShardedPubSub = ReadSharded(services.GetService<IConfiguration>()) };
        configure?.Invoke(redis);
        if (redis.GetErrors() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("LiveTemplate: " + string.Join(" ", errors));
        }

        return redis;
    }

    public static bool ReadSharded(IConfiguration? configuration)
    {
        if (configuration?[ShardedKey] is not { Length: > 0 } text)
        {
            return false;
        }

        return bool.TryParse(text, out var sharded)
            ? sharded
            : throw new InvalidOperationException($"{ShardedKey} must be true or false (was '{text}').");
    }
}
