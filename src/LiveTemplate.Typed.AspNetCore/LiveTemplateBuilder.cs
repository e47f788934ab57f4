using LiveTemplate.Typed.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// What <see cref="LiveTemplateServiceCollectionExtensions.AddLiveTemplate"/> returns: adjusts options, and is where a
/// backplane package adds itself (<c>.AddRedis(...)</c> from <c>LiveTemplate.Typed.Redis</c>). Application code that
/// publishes (through <see cref="PubSub.IBroadcaster"/>) does not change between the in-memory broadcaster and Redis.
/// </summary>
public sealed class LiveTemplateBuilder : ILiveTemplateBuilder
{
    internal LiveTemplateBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adjusts the options after configuration is bound (code wins over configuration).</summary>
    public LiveTemplateBuilder Configure(Action<LiveTemplateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
