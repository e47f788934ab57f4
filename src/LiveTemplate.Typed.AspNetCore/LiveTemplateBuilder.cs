using LiveTemplate.Typed.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// What <see cref="LiveTemplateServiceCollectionExtensions.AddLiveTemplate"/> returns: switches the broadcaster to
/// Redis and adjusts options. Application code that publishes (through <see cref="PubSub.IBroadcaster"/>) does not change.
/// </summary>
public sealed class LiveTemplateBuilder
{
    internal LiveTemplateBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Exchanges messages between instances over Redis at <paramref name="configuration"/> (a StackExchange.Redis
    /// configuration string such as <c>127.0.0.1:6379</c>). The SDK opens the connection and closes it with the app.
    /// </summary>
    public LiveTemplateBuilder AddRedis(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        Services.RemoveAll<RedisConnectionSource>();
        return Configure(options => options.Redis = configuration);
    }

    /// <summary>Exchanges messages between instances over Redis through the application's own <paramref name="multiplexer"/>, which it keeps owning.</summary>
    public LiveTemplateBuilder AddRedis(IConnectionMultiplexer multiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        return AddRedis(_ => multiplexer);
    }

    /// <summary>Exchanges messages between instances over Redis through a multiplexer resolved from the application's services.</summary>
    public LiveTemplateBuilder AddRedis(Func<IServiceProvider, IConnectionMultiplexer> multiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        Services.RemoveAll<RedisConnectionSource>();
        Services.AddSingleton(new RedisConnectionSource(multiplexer));
        return this;
    }

    /// <summary>Exchanges messages between instances over Redis through the <see cref="IConnectionMultiplexer"/> registered in the application's services.</summary>
    public LiveTemplateBuilder AddRedis() => AddRedis(static services => services.GetRequiredService<IConnectionMultiplexer>());

    /// <summary>Changes options after configuration has been bound (code wins over configuration).</summary>
    public LiveTemplateBuilder Configure(Action<LiveTemplateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
