using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Hosting;

/// <summary>The embedded default: one instance, no services (see <see cref="InMemoryBroadcaster"/>).</summary>
public sealed class InMemoryBroadcasterFactory : IBroadcasterFactory
{
    /// <inheritdoc />
    public string Transport => "in-memory";

    /// <inheritdoc />
    public IBroadcaster Create(BroadcasterOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<InMemoryBroadcaster>() ?? NullLogger<InMemoryBroadcaster>.Instance;
        return new InMemoryBroadcaster(options, logger);
    }
}
