using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Redis;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// What the typed peers (<see cref="TypedPeer"/>, <see cref="Topics.TopicPeer"/>) run on: instance A, which publishes,
/// and instance B, whose <see cref="ConnectionRegistry"/> holds the connections, each a <see cref="RedisBroadcaster"/>
/// on a connection of its own to one redis-server, and one consumer task per connection on B.
/// </summary>
public sealed class TypedInstances : IAsyncDisposable
{
    private readonly List<Task> _consumers = [];
    private readonly ConnectionMultiplexer _redisA;
    private readonly ConnectionMultiplexer _redisB;

    private TypedInstances(ConnectionMultiplexer redisA, ConnectionMultiplexer redisB, RedisBroadcaster a, RedisBroadcaster b, ConnectionRegistry registry)
    {
        (_redisA, _redisB, A, B, Registry) = (redisA, redisB, a, b, registry);
    }

    /// <summary>The publishing instance.</summary>
    public RedisBroadcaster A { get; }

    /// <summary>The receiving instance.</summary>
    public RedisBroadcaster B { get; }

    /// <summary>B's connections.</summary>
    public ConnectionRegistry Registry { get; }

    /// <summary>Connects both instances with <paramref name="options"/> and attaches B's registry (queues of the benchmark's capacity).</summary>
    public static async Task<TypedInstances> StartAsync(string redisEndpoint, RedisBroadcasterOptions options)
    {
        var redisA = await RedisConnections.ConnectAsync(redisEndpoint);
        var redisB = await RedisConnections.ConnectAsync(redisEndpoint);
        var a = new RedisBroadcaster(redisA, options);
        var b = new RedisBroadcaster(redisB, options);
        var registry = await ConnectionRegistry.AttachAsync(b, new ConnectionRegistryOptions { OutboundQueueCapacity = RunSettings.QueueCapacity });
        return new TypedInstances(redisA, redisB, a, b, registry);
    }

    /// <summary>Runs <paramref name="consume"/> on the thread pool until the registry closes the connection's queue.</summary>
    public void Consume(Func<Task> consume) => _consumers.Add(Task.Run(consume));

    /// <summary>Reads the queue; the latency runs from the envelope's timestamp (the publisher's clock, taken as it published).</summary>
    public static async Task ReadAsync(LocalConnection connection, DeliverySink sink)
    {
        var reader = connection.Outbound;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var message))
            {
                var age = DateTimeOffset.UtcNow - message.Timestamp;
                sink.Record(Stopwatch.GetTimestamp() - (long)(age.Ticks * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond)));
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Task.WhenAll(_consumers);
        await A.DisposeAsync();
        await B.DisposeAsync();
        _redisA.Dispose();
        _redisB.Dispose();
    }
}
