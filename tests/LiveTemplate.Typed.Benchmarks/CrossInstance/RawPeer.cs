using System.Buffers.Binary;
using System.Diagnostics;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// The upper bound: StackExchange.Redis PUBLISH of 100 pre-serialized bytes (send time and sequence number in the
/// first 16), one SUBSCRIBE queue on B, and the same per-connection queues and consumers as the SDK's. The publisher
/// hands back the client's task untouched; with <paramref name="awaitEachPublish"/> it awaits it inside the publish,
/// as an SDK that reports each publish's failure must (the SDK and SignalR both do).
/// </summary>
public sealed class RawPeer(bool awaitEachPublish = false) : ICrossInstancePeer
{
    private readonly List<Task> _tasks = [];
    private readonly List<ConnectionQueue> _connections = [];
    private ConnectionMultiplexer? _redisA;
    private ConnectionMultiplexer? _redisB;
    private ISubscriber? _publisher;
    private RedisChannel _channel;
    private RedisChannel _nobody;
    private ChannelMessageQueue? _subscription;

    public const string FireName = "raw StackExchange.Redis";

    public const string AwaitedName = "raw StackExchange.Redis, awaited";

    public string Name => awaitEachPublish ? AwaitedName : FireName;

    public int WireBytes => PingPayload.DataBytes;

    public async Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink)
    {
        _redisA = await RedisConnections.ConnectAsync(redisEndpoint);
        _redisB = await RedisConnections.ConnectAsync(redisEndpoint);
        _publisher = _redisA.GetSubscriber();
        _channel = RedisChannel.Literal($"raw:{scenario.Scope}:{(awaitEachPublish ? "awaited" : "fire")}");
        _nobody = RedisChannel.Literal("raw:nobody");
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = new ConnectionQueue();
            _connections.Add(connection);
            _tasks.Add(Task.Run(() => ConsumeAsync(connection, sink)));
        }

        _subscription = await _redisB.GetSubscriber().SubscribeAsync(_channel);
        _tasks.Add(Task.Run(FanOutAsync));
    }

    public Task PublishAsync(long seq) => awaitEachPublish ? AwaitedAsync(_publisher!.PublishAsync(_channel, Message(seq))) : _publisher!.PublishAsync(_channel, Message(seq));

    public Task PublishToNobodyAsync(long seq) => awaitEachPublish ? AwaitedAsync(_publisher!.PublishAsync(_nobody, Message(seq))) : _publisher!.PublishAsync(_nobody, Message(seq));

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }

        await Task.WhenAll(_tasks);
        _redisA?.Dispose();
        _redisB?.Dispose();
    }

    private static async Task AwaitedAsync(Task publishing) => await publishing.ConfigureAwait(false);

    private static byte[] Message(long seq)
    {
        // A new array per message: the multiplexer may still be writing it after the task completes.
        var bytes = new byte[PingPayload.DataBytes];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, Stopwatch.GetTimestamp());
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), seq);
        return bytes;
    }

    private async Task FanOutAsync()
    {
        try
        {
            while (true)
            {
                while (_subscription!.TryRead(out var message))
                {
                    Deliver(message.Message);
                }

                Deliver((await _subscription.ReadAsync()).Message);
            }
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
        finally
        {
            foreach (var connection in _connections)
            {
                connection.Complete();
            }
        }
    }

    private void Deliver(RedisValue message)
    {
        var bytes = (ReadOnlyMemory<byte>)message;
        foreach (var connection in _connections)
        {
            connection.Deliver(bytes);
        }
    }

    private static async Task ConsumeAsync(ConnectionQueue connection, DeliverySink sink)
    {
        var reader = connection.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var message))
            {
                sink.Record(BinaryPrimitives.ReadInt64LittleEndian(message.Span));
            }
        }
    }
}
