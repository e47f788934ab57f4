using System.Diagnostics.Metrics;
using LiveTemplate.Typed.Hosting;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// Creates the app's one broadcaster through the registered <see cref="IBroadcasterFactory"/> (in memory unless a
/// backplane package replaced it) with the validated <see cref="LiveTemplateOptions"/>.
/// </summary>
internal static class BroadcasterFactory
{
    public static IBroadcaster Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value;
        options.MeterFactory ??= services.GetService<IMeterFactory>();
        var factory = services.GetRequiredService<IBroadcasterFactory>();
        var broadcaster = factory.Create(options, services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<LiveTemplateRuntime>();
        LiveLog.TransportChosen(logger, factory.Transport, broadcaster is ChannelBroadcaster channels ? "instance " + channels.InstanceId : broadcaster.GetType().Name);
        return broadcaster;
    }
}
