using System.Diagnostics;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;
using LiveTemplate.Typed.Benchmarks.CrossInstance;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Redis;

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
    private TypedInstances? _instances;

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
        var instances = _instances = await TypedInstances.StartAsync(redisEndpoint, new RedisBroadcasterOptions { ChannelPrefix = "bench-" + route.ToString().ToLowerInvariant(), UseShardedPubSub = sharded });
        var registry = instances.Registry;
        for (var i = 0; i < scenario.Targets; i++)
        {
            var connection = await registry.RegisterAsync($"conn-{i}", route == TopicRoute.GroupAction ? Group : new GroupId($"session-{i}"));
            if (route is TopicRoute.ExactTopic or TopicRoute.ExactAndPattern)
            {
                await registry.SubscribeAsync(connection, Room);
            }

            if (route is TopicRoute.Pattern or TopicRoute.ExactAndPattern)
            {
                await registry.SubscribeAsync(connection, AnyRoom);
            }

            instances.Consume(() => TypedInstances.ReadAsync(connection, sink));
        }

        var sentAt = Stopwatch.GetTimestamp();
        var data = ActionJson.SerializeToUtf8Bytes(new TopicPing(sentAt, 1, PingPayload.Body(sentAt, 1)));
        PubSubMessage message = route == TopicRoute.GroupAction
            ? new GroupActionMessage(Group, GroupPing.ActionName, data, instances.A.InstanceId, DateTimeOffset.UtcNow, 1)
            : new TopicActionMessage(Room, TopicPing.ActionName, data, instances.A.InstanceId, DateTimeOffset.UtcNow, 1);
        WireBytes = EnvelopeCodec.Encode(message).Length;
    }

    public Task PublishAsync(long seq) => Publish(seq, Group, Room);

    public Task PublishToNobodyAsync(long seq) => Publish(seq, NobodysGroup, NobodysRoom);

    public ValueTask DisposeAsync() => _instances?.DisposeAsync() ?? ValueTask.CompletedTask;

    private Task Publish(long seq, GroupId group, Topic topic)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var body = PingPayload.Body(sentAt, seq);
        return route == TopicRoute.GroupAction
            ? _instances!.A.BroadcastAsync(group, new GroupPing(sentAt, seq, body))
            : _instances!.A.PublishAsync(topic, new TopicPing(sentAt, seq, body));
    }
}
