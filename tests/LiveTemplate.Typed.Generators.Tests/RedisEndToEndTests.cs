using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The end-to-end tests over a real redis-server (one per test), each instance with its own multiplexer.</summary>
public sealed class RedisEndToEndTests : EndToEndTests
{
    private readonly List<IAsyncDisposable> _owned = [];
    private ConnectionMultiplexer _raw = null!;

    protected override async Task<(IBroadcaster A, IBroadcaster B)> CreateInstancesAsync()
    {
        var server = await RedisServer.StartAsync();
        _owned.Add(server);
        _raw = await server.ConnectAsync();
        _owned.Add(_raw);
        var a = await server.ConnectAsync();
        var b = await server.ConnectAsync();
        _owned.Add(a);
        _owned.Add(b);
        return (new RedisBroadcaster(a), new RedisBroadcaster(b));
    }

    protected override Task PublishRawAsync(string channel, byte[] message) => _raw.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }
}
