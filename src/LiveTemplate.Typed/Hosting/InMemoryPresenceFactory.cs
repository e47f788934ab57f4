using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Hosting;

/// <summary>The embedded default: presence for one instance, no services (see <see cref="InMemoryPresence"/>).</summary>
public sealed class InMemoryPresenceFactory : IPresenceFactory
{
    /// <inheritdoc />
    public string Store => "in-memory";

    /// <inheritdoc />
    public IPresence Create(PresenceOptions options, BroadcasterOptions broadcaster, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        return new InMemoryPresence(options, services.GetService<ILoggerFactory>()?.CreateLogger<InMemoryPresence>());
    }
}
