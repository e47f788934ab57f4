using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Two app instances, A and B, each with its own Redis connection, on one real <c>redis-server</c> (loopback, free
/// port), as two servers behind a load balancer would be; plus a connection of the test's own to ask Redis itself.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly List<ConnectionMultiplexer> _multiplexers = [];

    public RedisServer Redis { get; private set; } = null!;

    public TestApp A { get; private set; } = null!;

    public TestApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        A = await TestApp.StartAsync(await ConnectAsync());
        B = await TestApp.StartAsync(await ConnectAsync());
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        foreach (var multiplexer in _multiplexers)
        {
            await multiplexer.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    /// <summary>How many clients Redis counts as subscribed to <paramref name="channel"/> (PUBSUB NUMSUB, asked on the server).</summary>
    public async Task<long> SubscribersAsync(string channel)
    {
        var monitor = _multiplexers[0];
        var reply = (RedisResult[])(await monitor.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel))!;
        return (long)reply[1];
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await Redis.ConnectAsync();
        _multiplexers.Add(multiplexer);
        return multiplexer;
    }
}
