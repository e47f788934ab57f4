using System.Diagnostics;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;

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
    private TypedInstances? _instances;
    private TargetScope _scope;

    public string Name => runHandlers ? HandlersName : QueueName;

    public const string QueueName = "LiveTemplate.Typed";

    public const string HandlersName = "LiveTemplate.Typed + typed handlers";

    public int WireBytes { get; private set; }

    public async Task StartAsync(string redisEndpoint, CrossInstanceScenario scenario, DeliverySink sink)
    {
        _scope = scenario.Scope;
        // Each variant on channels of its own, so that one's instance B does not also receive the other's messages.
        var instances = _instances = await TypedInstances.StartAsync(redisEndpoint, new RedisBroadcasterOptions { ChannelPrefix = runHandlers ? "bench-handlers" : "bench-queue" });
        var handler = runHandlers ? new PingHandler(sink) : null;
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = scenario.Scope == TargetScope.Group
                ? await instances.Registry.RegisterAsync($"conn-{i}", Group)
                : await instances.Registry.RegisterAsync($"conn-{i}", new GroupId($"room-{i}"), User);
            instances.Consume(() => handler is null ? TypedInstances.ReadAsync(connection, sink) : ConsumeAsync(connection, handler));
        }

        var sentAt = Stopwatch.GetTimestamp();
        var data = ActionJson.SerializeToUtf8Bytes(new GroupPing(sentAt, 1, PingPayload.Body(sentAt, 1)));
        WireBytes = PubSub.Codec.EnvelopeCodec.Encode(new GroupActionMessage(Group, GroupPing.ActionName, data, instances.A.InstanceId, DateTimeOffset.UtcNow, 1)).Length;
    }

    public Task PublishAsync(long seq) => Publish(seq, Group, User);

    public Task PublishToNobodyAsync(long seq) => Publish(seq, NobodysGroup, NobodyUser);

    public ValueTask DisposeAsync() => _instances?.DisposeAsync() ?? ValueTask.CompletedTask;

    private Task Publish(long seq, GroupId group, UserId user)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var body = PingPayload.Body(sentAt, seq);
        return _scope == TargetScope.Group
            ? _instances!.A.BroadcastAsync(group, new GroupPing(sentAt, seq, body))
            : _instances!.A.TriggerAsync(user, new UserPing(sentAt, seq, body));
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
