using System.Text;
using LiveTemplate.Typed.PubSub;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// How a LiveTemplate channel becomes a StackExchange.Redis channel, in one place: literal (never a pattern, whatever
/// characters the name holds) or a topic pattern, sharded or classic as configured, and every classic publish routed
/// by its channel's slot.
/// </summary>
/// <remarks>
/// Routing matters on a cluster: StackExchange.Redis sends an unrouted classic <c>PUBLISH</c> to any node, and two
/// messages of one channel that start on different nodes can overtake each other on the cluster bus. Subscriptions
/// need no routing (a classic subscriber on any node receives every node's publishes; a sharded one is routed by the
/// client). A publish's channel is kept as UTF-8 bytes for the thread's last name: a publisher that sends to one scope
/// again (the same name object, see <see cref="ChannelNames"/>) has the client write the bytes rather than transcode
/// the name each time.
/// </remarks>
internal sealed class RedisChannelShapes(bool sharded)
{
    [ThreadStatic]
    private static Published t_lastSharded;

    [ThreadStatic]
    private static Published t_lastClassic;

    /// <summary>Whether literal channels are sharded (<c>SSUBSCRIBE</c>/<c>SPUBLISH</c>).</summary>
    public bool Sharded => sharded;

    /// <summary>A literal channel to subscribe to: sharded when configured.</summary>
    public RedisChannel Literal(string channel) => sharded ? RedisChannel.Sharded(channel) : RedisChannel.Literal(channel);

    /// <summary>
    /// A subscription's channel: a topic pattern is a classic pattern (<c>PSUBSCRIBE</c>, whose only glob character the
    /// grammar allows is a whole-segment <c>*</c>), even with sharding on, since Redis has no sharded patterns; every
    /// other channel is <see cref="Literal"/>.
    /// </summary>
    public RedisChannel ForSubscription(ChannelSubscription subscription)
        => subscription.IsPattern ? RedisChannel.Pattern(subscription.Channel) : Literal(subscription.Channel);

    /// <summary>The channel a publish goes to: sharded when configured, otherwise <see cref="ClassicForPublish"/>.</summary>
    public RedisChannel ForPublish(string channel)
        => sharded ? Remembered(ref t_lastSharded, channel, shardedShape: true) : ClassicForPublish(channel);

    /// <summary>
    /// A classic channel to publish to, routed by its slot, whatever the sharding setting: with sharding on, the second
    /// copy of a topic action, for the instances that follow a pattern matching the topic (Redis has no sharded patterns).
    /// </summary>
    public RedisChannel ClassicForPublish(string channel) => Remembered(ref t_lastClassic, channel, shardedShape: false);

    /// <summary>The thread's last channel of one shape, made again from the name's bytes when the name changed.</summary>
    private static RedisChannel Remembered(ref Published last, string channel, bool shardedShape)
    {
        if (!ReferenceEquals(last.Name, channel))
        {
            var bytes = Encoding.UTF8.GetBytes(channel);
            last = new Published(channel, shardedShape ? RedisChannel.Sharded(bytes) : RedisChannel.Literal(bytes).WithKeyRouting());
        }

        return last.Channel;
    }

    /// <summary>A thread's last published channel of one kind: the name and the client's channel of its bytes.</summary>
    private readonly record struct Published(string? Name, RedisChannel Channel);
}
