using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Hosting;

/// <summary>
/// The multiplexer the SDK opens itself from a configuration string, and closes with the app. Opened on first use
/// with <c>AbortOnConnectFail = false</c>, so that the app starts (and recovers) while Redis is down.
/// </summary>
internal sealed class OwnedRedisConnection(string configuration) : IAsyncDisposable
{
    private readonly object _gate = new();
    private ConnectionMultiplexer? _multiplexer;

    public IConnectionMultiplexer Multiplexer
    {
        get
        {
            lock (_gate)
            {
                if (_multiplexer is null)
                {
                    var options = ConfigurationOptions.Parse(configuration);
                    options.AbortOnConnectFail = false;
                    _multiplexer = ConnectionMultiplexer.Connect(options);
                }

                return _multiplexer;
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
}
