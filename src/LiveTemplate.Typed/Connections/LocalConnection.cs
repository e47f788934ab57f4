using System.Threading.Channels;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Connections;

/// <summary>
/// A connection held by this instance: the group it belongs to, its user when authenticated, and the bounded
/// queue of messages waiting to be sent to it. Whoever owns the socket reads <see cref="Outbound"/>.
/// </summary>
public sealed class LocalConnection
{
    private readonly Channel<PubSubMessage> _outbound;
    private readonly bool _dropOldest;
    private long _dropped;
    private bool _closed;

    internal LocalConnection(string id, GroupId groupId, UserId? userId, ConnectionRegistryOptions options)
    {
        Id = id;
        GroupId = groupId;
        UserId = userId;
        _dropOldest = options.OutboundFullMode == OutboundFullMode.DropOldest;

        // Wait mode makes TryWrite fail when full instead of dropping silently, so every drop is seen and counted.
        _outbound = Channel.CreateBounded<PubSubMessage>(new BoundedChannelOptions(options.OutboundQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = !_dropOldest,
        });
    }

    /// <summary>The connection's id, unique on this instance.</summary>
    public string Id { get; }

    /// <summary>The group the connection belongs to.</summary>
    public GroupId GroupId { get; }

    /// <summary>The connection's user, when authenticated.</summary>
    public UserId? UserId { get; }

    /// <summary>Messages waiting to be sent to this connection, in arrival order. Completes when the connection is unregistered.</summary>
    public ChannelReader<PubSubMessage> Outbound => _outbound.Reader;

    /// <summary>
    /// When true, messages with a stream position that exclude this connection (it sent them) are still queued for
    /// it, so that its consumer sees every position of its streams and can tell a client where it is; such a message
    /// must not be shown (its <c>ExcludeConnectionId</c> is this connection's <see cref="Id"/>). The host sets it for
    /// browser connections; default false.
    /// </summary>
    public bool TracksStreamPositions { get; set; }

    /// <summary>Messages this connection lost because its queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a message without ever waiting. Returns how many messages were dropped to do so.</summary>
    internal int Deliver(PubSubMessage message)
    {
        var writer = _outbound.Writer;
        if (writer.TryWrite(message) || Volatile.Read(ref _closed))
        {
            return 0;
        }

        var dropped = 0;
        if (_dropOldest && _outbound.Reader.TryRead(out _))
        {
            dropped++;
            if (writer.TryWrite(message))
            {
                Interlocked.Add(ref _dropped, dropped);
                return dropped;
            }
        }

        // Still full: a concurrent writer took the freed slot, or this mode drops the incoming message.
        dropped++;
        Interlocked.Add(ref _dropped, dropped);
        return dropped;
    }

    internal void Complete()
    {
        Volatile.Write(ref _closed, true);
        _outbound.Writer.TryComplete();
    }

    /// <inheritdoc />
    public override string ToString() => UserId is { } user ? $"{Id} (group {GroupId}, user {user})" : $"{Id} (group {GroupId})";
}
