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
    private readonly object _topicGate = new();
    // Each membership with its subscribe (until confirmed, a later subscribe waits for the same one); made with the
    // first topic: most connections never hold one.
    private Dictionary<Topic, Task>? _topics;
    private Dictionary<TopicPattern, Task>? _patterns;
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

    /// <summary>The topics this connection is subscribed to now.</summary>
    public IReadOnlyCollection<Topic> Topics
    {
        get
        {
            lock (_topicGate)
            {
                return _topics is null ? [] : [.. _topics.Keys];
            }
        }
    }

    /// <summary>The topic patterns this connection is subscribed to now.</summary>
    public IReadOnlyCollection<TopicPattern> TopicPatterns
    {
        get
        {
            lock (_topicGate)
            {
                return _patterns is null ? [] : [.. _patterns.Keys];
            }
        }
    }

    /// <summary>
    /// Records the subscription, whose broadcaster subscribe is <paramref name="subscribed"/>, and runs
    /// <paramref name="joined"/> (under the connection's lock, so that closing cannot pass in between); returns null then.
    /// When the connection already holds it, returns that membership's subscribe (still in flight, or done) and records
    /// nothing; when it is closed, a completed task.
    /// </summary>
    internal Task? AddTopic(Topic topic, Task subscribed, Action joined) => Join(ref _topics, topic, subscribed, joined);

    /// <summary>Ends the subscription and runs <paramref name="left"/> under the connection's lock; false when it held none.</summary>
    internal bool RemoveTopic(Topic topic, Action left) => Leave(_topics, topic, null, left);

    /// <summary>As <see cref="RemoveTopic(Topic, Action)"/>, only while the membership is still the one of <paramref name="subscribed"/> (a failed subscribe's rollback).</summary>
    internal bool RemoveTopic(Topic topic, Task subscribed, Action left) => Leave(_topics, topic, subscribed, left);

    /// <inheritdoc cref="AddTopic(Topic, Task, Action)"/>
    internal Task? AddPattern(TopicPattern pattern, Task subscribed, Action joined) => Join(ref _patterns, pattern, subscribed, joined);

    /// <inheritdoc cref="RemoveTopic(Topic, Action)"/>
    internal bool RemovePattern(TopicPattern pattern, Action left) => Leave(_patterns, pattern, null, left);

    /// <inheritdoc cref="RemoveTopic(Topic, Task, Action)"/>
    internal bool RemovePattern(TopicPattern pattern, Task subscribed, Action left) => Leave(_patterns, pattern, subscribed, left);

    /// <summary>Every topic and pattern the connection held, which it no longer holds (it is closing).</summary>
    internal (Topic[] Topics, TopicPattern[] Patterns) TakeTopics()
    {
        lock (_topicGate)
        {
            var taken = (_topics?.Keys.ToArray() ?? [], _patterns?.Keys.ToArray() ?? []);
            _topics?.Clear();
            _patterns?.Clear();
            return taken;
        }
    }

    private Task? Join<T>(ref Dictionary<T, Task>? members, T item, Task subscribed, Action joined)
        where T : notnull
    {
        lock (_topicGate)
        {
            if (Volatile.Read(ref _closed))
            {
                return Task.CompletedTask;
            }

            if ((members ??= []).TryGetValue(item, out var held))
            {
                return held;
            }

            members.Add(item, subscribed);
            joined();
            return null;
        }
    }

    private bool Leave<T>(Dictionary<T, Task>? members, T item, Task? subscribed, Action left)
        where T : notnull
    {
        lock (_topicGate)
        {
            if (members is null || !members.TryGetValue(item, out var held) || (subscribed is not null && !ReferenceEquals(held, subscribed)))
            {
                return false;
            }

            members.Remove(item);
            left();
            return true;
        }
    }

    internal void Complete()
    {
        Volatile.Write(ref _closed, true);
        _outbound.Writer.TryComplete();
    }

    /// <inheritdoc />
    public override string ToString() => UserId is { } user ? $"{Id} (group {GroupId}, user {user})" : $"{Id} (group {GroupId})";
}
