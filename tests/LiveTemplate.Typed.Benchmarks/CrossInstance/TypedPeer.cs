using System.Diagnostics;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.CrossInstance;

/// <summary>
/// LiveTemplate.Typed end to end: A publishes typed actions (BroadcastAsync/TriggerAsync) through a RedisBroadcaster;
/// B's RedisBroadcaster and ConnectionRegistry put them into each LocalConnection's outbound queue, and one consumer
/// per connection reads the queue. With <paramref name="runHandlers"/> the consumer also runs the generated
/// dispatcher and a typed handler for each connection (what an app whose handlers run per connection does; the ping
/// is immutable, so it is decoded once per message and shared); without, it reads the send time from the envelope, as SignalR's and raw pub/sub's
/// consumers read bytes, so that the work on B is alike.
/// </summary>
public sealed class TypedPeer(bool runHandlers) : ICrossInstancePeer
{
    private static readonly GroupId Group = new("bench-group");
    private static readonly UserId User = new("bench-user");
    private static readonly GroupId NobodysGroup = new("nobody");
    private static readonly UserId NobodyUser = new("nobody");
    private readonly List<Task> _consumers = [];
    private ConnectionMultiplexer? _redisA;
    private ConnectionMultiplexer? _redisB;
    private RedisBroadcaster? _a;
    private RedisBroadcaster? _b;
    private ConnectionRegistry? _registry;
    private TargetScope _scope;

    public string Name => runHandlers ? HandlersName : QueueName;

    public const string QueueName = "LiveTemplate.Typed";

    public const string HandlersName = "LiveTemplate.Typed + typed handlers";

    public int WireBytes { get; private set; }

    public async Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink)
    {
        _scope = scenario.Scope;
        _redisA = await RedisConnections.ConnectAsync(redisEndpoint);
        _redisB = await RedisConnections.ConnectAsync(redisEndpoint);
        // Each variant on channels of its own, so that one's instance B does not also receive the other's messages.
        var options = new RedisBroadcasterOptions { ChannelPrefix = runHandlers ? "bench-handlers" : "bench-queue" };
        _a = new RedisBroadcaster(_redisA, options);
        _b = new RedisBroadcaster(_redisB, options);
        _registry = await ConnectionRegistry.AttachAsync(_b, new ConnectionRegistryOptions { OutboundQueueCapacity = RunSettings.QueueCapacity });
        var handler = runHandlers ? new PingHandler(sink) : null;
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = scenario.Scope == TargetScope.Group
                ? await _registry.RegisterAsync($"conn-{i}", Group)
                : await _registry.RegisterAsync($"conn-{i}", new GroupId($"room-{i}"), User);
            _consumers.Add(Task.Run(() => handler is null ? ReadAsync(connection, sink) : ConsumeAsync(connection, handler)));
        }

        var sentAt = Stopwatch.GetTimestamp();
        var data = ActionJson.SerializeToUtf8Bytes(new GroupPing(sentAt, 1, PingPayload.Body(sentAt, 1)));
        WireBytes = PubSub.Codec.EnvelopeCodec.Encode(new GroupActionMessage(Group, GroupPing.ActionName, data, _a.InstanceId, DateTimeOffset.UtcNow, 1)).Length;
    }

    public Task PublishAsync(long seq) => Publish(seq, Group, User);

    public Task PublishToNobodyAsync(long seq) => Publish(seq, NobodysGroup, NobodyUser);

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

    private Task Publish(long seq, GroupId group, UserId user)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var body = PingPayload.Body(sentAt, seq);
        return _scope == TargetScope.Group
            ? _a!.BroadcastAsync(group, new GroupPing(sentAt, seq, body))
            : _a!.TriggerAsync(user, new UserPing(sentAt, seq, body));
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

    private static async Task ConsumeAsync(LocalConnection connection, PingHandler handler)
    {
        var reader = connection.Outbound;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var message))
            {
                var result = message switch
                {
                    GroupActionMessage group => await handler.DispatchAsync(group, connection),
                    ServerActionMessage server => await handler.DispatchAsync(server, connection),
                    _ => default,
                };
                if (!result.IsHandled)
                {
                    throw new InvalidOperationException($"A ping was not handled: {result}");
                }
            }
        }
    }
}

/// <summary>The typed handler on instance B: records each ping's latency.</summary>
public sealed partial class PingHandler(DeliverySink sink) : IHandle<GroupPing>, IHandle<UserPing>
{
    public ValueTask HandleAsync(GroupPing action, ActionContext context)
    {
        sink.Record(action.SentAt);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(UserPing action, ActionContext context)
    {
        sink.Record(action.SentAt);
        return ValueTask.CompletedTask;
    }
}
