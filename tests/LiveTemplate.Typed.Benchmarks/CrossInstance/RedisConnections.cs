using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>Every peer's multiplexers are configured alike, as docs/pubsub.md recommends for applications.</summary>
public static class RedisConnections
{
    public static async Task<ConnectionMultiplexer> ConnectAsync(string endpoint)
    {
        var options = ConfigurationOptions.Parse($"{endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=10000,asyncTimeout=10000");
        return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
    }
}
