using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.Redis.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// The Redis backplane for a hosted app, one call on what <c>AddLiveTemplate()</c> returns: instances exchange
/// messages over Redis instead of the in-memory broadcaster, and share presence on it. Every shared setting (prefix, limits, signing key)
/// stays the host's; <see cref="RedisBroadcasterOptions.UseShardedPubSub"/> is read from
/// <c>LiveTemplate:UseShardedPubSub</c> and from <c>configure</c>.
/// </summary>
public static class RedisLiveTemplateBuilderExtensions
{
    /// <summary>The configuration key <see cref="AddRedis{TBuilder}(TBuilder, Action{RedisBroadcasterOptions})"/> reads the Redis configuration string from.</summary>
    public const string ConfigurationKey = "LiveTemplate:Redis";

    /// <summary>
    /// Redis at <paramref name="configuration"/> (a StackExchange.Redis configuration string such as
    /// <c>127.0.0.1:6379</c>); the SDK opens the connection, and closes it with the app.
    /// </summary>
    public static TBuilder AddRedis<TBuilder>(this TBuilder builder, string configuration, Action<RedisBroadcasterOptions>? configure = null)
        where TBuilder : ILiveTemplateBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        _ = ConfigurationOptions.Parse(configuration); // a malformed string is refused here, not at start-up
        // Registered by a factory and resolved from the container, so that the container disposes it with the app (one
        // registered as an instance would never be disposed); it opens the connection on first use.
        var owned = new OwnedRedisConnection(configuration);
        builder.Services.AddSingleton(_ => owned);
        return Use(builder, static services => services.GetRequiredService<OwnedRedisConnection>().Multiplexer, configure);
    }

    /// <summary>Redis through the application's own <paramref name="multiplexer"/>, which it keeps owning.</summary>
    public static TBuilder AddRedis<TBuilder>(this TBuilder builder, IConnectionMultiplexer multiplexer, Action<RedisBroadcasterOptions>? configure = null)
        where TBuilder : ILiveTemplateBuilder
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        return AddRedis(builder, _ => multiplexer, configure);
    }

    /// <summary>Redis through a multiplexer resolved from the application's services, which the application owns.</summary>
    public static TBuilder AddRedis<TBuilder>(this TBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> multiplexer, Action<RedisBroadcasterOptions>? configure = null)
        where TBuilder : ILiveTemplateBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(multiplexer);
        return Use(builder, multiplexer, configure);
    }

    /// <summary>
    /// Redis at the configuration string <c>LiveTemplate:Redis</c> when it is set (the SDK opens and closes the
    /// connection), else through the <see cref="IConnectionMultiplexer"/> the application registered. Start-up fails,
    /// saying so, when there is neither.
    /// </summary>
    public static TBuilder AddRedis<TBuilder>(this TBuilder builder, Action<RedisBroadcasterOptions>? configure = null)
        where TBuilder : ILiveTemplateBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ConfiguredRedisConnection>();
        return Use(builder, static services => services.GetRequiredService<ConfiguredRedisConnection>().Resolve(services), configure);
    }

    private static TBuilder Use<TBuilder>(TBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> multiplexer, Action<RedisBroadcasterOptions>? configure)
        where TBuilder : ILiveTemplateBuilder
    {
        var broadcasters = new RedisBroadcasterFactory(multiplexer, configure);
        builder.Services.RemoveAll<IBroadcasterFactory>();
        builder.Services.AddSingleton<IBroadcasterFactory>(broadcasters);
        builder.Services.RemoveAll<IPresenceFactory>();
        builder.Services.AddSingleton<IPresenceFactory>(new RedisPresenceFactory(multiplexer, broadcasters));
        return builder;
    }

    /// <summary>The multiplexer of <c>AddRedis()</c>: opened from configuration when set, else the application's.</summary>
    private sealed class ConfiguredRedisConnection(IConfiguration? configuration = null) : IAsyncDisposable
    {
        private OwnedRedisConnection? _owned;

        public IConnectionMultiplexer Resolve(IServiceProvider services)
        {
            if (configuration?[ConfigurationKey] is { Length: > 0 } text)
            {
                _owned ??= new OwnedRedisConnection(text);
                return _owned.Multiplexer;
            }

            return services.GetService<IConnectionMultiplexer>()
                ?? throw new InvalidOperationException($"AddRedis() found neither {ConfigurationKey} in the configuration nor an IConnectionMultiplexer service: set {ConfigurationKey} to a Redis configuration string (127.0.0.1:6379), register a multiplexer, or pass either to AddRedis.");
        }

        public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
