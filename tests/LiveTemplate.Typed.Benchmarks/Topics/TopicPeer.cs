using System.Diagnostics;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Redis;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Topics;

/// <summary>
/// LiveTemplate.Typed from instance A to connections on instance B by one <see cref="TopicRoute"/>: a typed group
/// action (the baseline) or a typed topic action to subscribers of the exact topic, of a pattern, or of both. Each
/// route has channels of its own (its prefix), and B's consumers read each connection's queue as the cross-instance
/// benchmark's do, so the routes differ only in how the message travels and is matched.
/// </summary>
public sealed class TopicPeer(TopicRoute route, bool sharded) : ICrossInstancePeer
{
    private static readonly GroupId Group = new("bench-group");
    private static readonly GroupId NobodysGroup = new("nobody");
    private static readonly Topic Room = new("room/bench");
    private static readonly Topic NobodysRoom = new("nobody/bench");
    private static readonly TopicPattern AnyRoom = new("room/*");
    private readonly List<Task> _consumers = [];
    private ConnectionMultiplexer? _redisA;
    private ConnectionMultiplexer? _redisB;
    private RedisBroadcaster? _a;
    private RedisBroadcaster? _b;
    private ConnectionRegistry? _registry;

    public TopicRoute Route => route;

    public string Name => route switch
    {
        TopicRoute.GroupAction => "group action",
        TopicRoute.ExactTopic => "topic, exact",
        TopicRoute.Pattern => "topic, pattern",
        _ => "topic, exact + pattern",
    };

    public int WireBytes { get; private set; }

    public async Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink)
    {
        _redisA = await RedisConnections.ConnectAsync(redisEndpoint);
        _redisB = await RedisConnections.ConnectAsync(redisEndpoint);
        var options = new RedisBroadcasterOptions { ChannelPrefix = "bench-" + route.ToString().ToLowerInvariant(), UseShardedPubSub = sharded };
        _a = new RedisBroadcaster(_redisA, options);
        _b = new RedisBroadcaster(_redisB, options);
        _registry = await ConnectionRegistry.AttachAsync(_b, new ConnectionRegistryOptions { OutboundQueueCapacity = RunSettings.QueueCapacity });
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = await _registry.RegisterAsync($"conn-{i}", route == TopicRoute.GroupAction ? Group : new GroupId($"session-{i}"));
            if (route is TopicRoute.ExactTopic or TopicRoute.ExactAndPattern)
            {
                await _registry.SubscribeAsync(connection, Room);
            }

            if (route is TopicRoute.Pattern or TopicRoute.ExactAndPattern)
            {
                await _registry.SubscribeAsync(connection, AnyRoom);
            }

            _consumers.Add(Task.Run(() => ReadAsync(connection, sink)));
        }

        var sentAt = Stopwatch.GetTimestamp();
        var data = ActionJson.SerializeToUtf8Bytes(new TopicPing(sentAt, 1, PingPayload.Body(sentAt, 1)));
        PubSubMessage message = route == TopicRoute.GroupAction
            ? new GroupActionMessage(Group, GroupPing.ActionName, data, _a.InstanceId, DateTimeOffset.UtcNow, 1)
            : new TopicActionMessage(Room, TopicPing.ActionName, data, _a.InstanceId, DateTimeOffset.UtcNow, 1);
        WireBytes = EnvelopeCodec.Encode(message).Length;
    }

    public Task PublishAsync(long seq) => Publish(seq, Group, Room);

    public Task PublishToNobodyAsync(long seq) => Publish(seq, NobodysGroup, NobodysRoom);

    public async ValueTask DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        await Task.WhenAll(_consumers);
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        _redisA?.Dispose();
        _redisB?.Dispose();
    }

    private Task Publish(long seq, GroupId group, Topic topic)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var body = PingPayload.Body(sentAt, seq);
        return route == TopicRoute.GroupAction
            ? _a!.BroadcastAsync(group, new GroupPing(sentAt, seq, body))
            : _a!.PublishAsync(topic, new TopicPing(sentAt, seq, body));
    }

    /// <summary>Reads the queue; the latency runs from the envelope's timestamp (the publisher's clock, taken as it published).</summary>
    private static async Task ReadAsync(LocalConnection connection, DeliverySink sink)
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
}
