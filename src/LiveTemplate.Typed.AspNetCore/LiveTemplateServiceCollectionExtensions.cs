using LiveTemplate.Typed.AspNetCore.Hosting;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>Registers LiveTemplate.Typed in an application's services.</summary>
public static class LiveTemplateServiceCollectionExtensions
{
    /// <summary>The name of the readiness health check the SDK registers (tagged <see cref="ReadinessTag"/>).</summary>
    public const string HealthCheckName = "livetemplate";

    /// <summary>The tag of the SDK's health check: map it on the readiness probe's path.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Registers the SDK: options bound from the <c>LiveTemplate</c> configuration section and validated at start-up,
    /// an <see cref="IBroadcaster"/> and an <see cref="IPresence"/> (in memory; a backplane package's <c>.AddRedis(...)</c>
    /// on the returned builder switches both to Redis; presence starts when first used), the app's one <see cref="ConnectionRegistry"/>, graceful shutdown and a readiness health
    /// check. Calling it again returns a builder over the same registration.
    /// </summary>
    public static LiveTemplateBuilder AddLiveTemplate(this IServiceCollection services, Action<LiveTemplateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(static d => d.ServiceType == typeof(LiveTemplateRuntime)))
        {
            Register(services);
        }

        var builder = new LiveTemplateBuilder(services);
        return configure is null ? builder : builder.Configure(configure);
    }

    private static void Register(IServiceCollection services)
    {
        services.AddOptions<LiveTemplateOptions>().Configure<IConfiguration>(LiveTemplateConfiguration.Bind).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveTemplateOptions>, LiveTemplateOptionsValidator>());
        services.TryAddSingleton<IBroadcasterFactory, InMemoryBroadcasterFactory>();
        services.TryAddSingleton<IBroadcaster>(BroadcasterFactory.Create);
        services.TryAddSingleton<ITopicBroadcaster>(static sp => sp.GetRequiredService<IBroadcaster>() is ITopicBroadcaster topics
            ? topics
            : throw new InvalidOperationException($"The registered IBroadcaster ({sp.GetRequiredService<IBroadcaster>().GetType().Name}) does not carry topics: ITopicBroadcaster needs a broadcaster that implements it, as InMemoryBroadcaster and RedisBroadcaster do."));
        services.TryAddSingleton<IPresenceFactory, InMemoryPresenceFactory>();
        services.TryAddSingleton<PresenceSlot>();
        services.TryAddSingleton<IPresence>(static sp => sp.GetRequiredService<PresenceSlot>().Made = sp.GetRequiredService<IPresenceFactory>().Create(
            sp.GetRequiredService<IOptions<LiveTemplateOptions>>().Value.Presence, sp.GetRequiredService<IOptions<LiveTemplateOptions>>().Value, sp));
        services.AddSingleton<LiveTemplateRuntime>();
        services.AddHostedService(static sp => sp.GetRequiredService<LiveTemplateRuntime>());
        services.AddHealthChecks().AddCheck<LiveTemplateHealthCheck>(HealthCheckName, tags: [ReadinessTag]);
    }
}
