using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// The multiplexer the SDK opens itself from <see cref="LiveTemplateOptions.Redis"/> (a connection string), and
/// disposes with the app. It never gives up on a Redis that is down at start-up: it keeps retrying in the background.
/// </summary>
internal sealed class OwnedRedisConnection(IOptions<LiveTemplateOptions> options) : IAsyncDisposable
{
    private readonly object _gate = new();
    private ConnectionMultiplexer? _multiplexer;

    public IConnectionMultiplexer Multiplexer
    {
        get
        {
            lock (_gate)
            {
                return _multiplexer ??= Connect(options.Value.Redis);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        ConnectionMultiplexer? multiplexer;
        lock (_gate)
        {
            multiplexer = _multiplexer;
            _multiplexer = null;
        }

        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ConnectionMultiplexer Connect(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException("LiveTemplate:Redis is empty; set it to a Redis connection string.");
        }

        var parsed = ConfigurationOptions.Parse(configuration);
        parsed.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(parsed);
    }
}
