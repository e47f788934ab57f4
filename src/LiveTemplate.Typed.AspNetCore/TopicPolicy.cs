namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Which topics and patterns an endpoint's browsers may subscribe to (set with <see cref="LiveEndpointOptions.UseTopics"/>).
/// Denied by default: a browser may subscribe only to what a rule here allows, and to its connection's own reserved
/// topics (<c>lvt:user:{its user}</c>, <c>lvt:session:{its group}</c>) while <see cref="AllowOwnReservedTopics"/> holds.
/// Another connection's reserved topic is always refused. The handler's own subscriptions
/// (<see cref="LiveConnection.SubscribeAsync(Topic, CancellationToken)"/>) are app code and do not pass through this policy.
/// </summary>
public sealed class TopicPolicy
{
    private readonly List<Topic> _topics = [];
    private readonly List<TopicPattern> _scopes = [];
    private int _maxBrowserSubscriptions = 32;

    internal TopicPolicy()
    {
    }

    /// <summary>Whether a browser may subscribe to its connection's own reserved topics (default true).</summary>
    public bool AllowOwnReservedTopics { get; set; } = true;

    /// <summary>How many topics and patterns one browser may hold at once (default 32); one more is refused with <c>too-many-topics</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxBrowserSubscriptions
    {
        get => _maxBrowserSubscriptions;
        set => _maxBrowserSubscriptions = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A browser must be allowed at least one subscription.");
    }

    /// <summary>Allows a topic by a rule of the connection (its user, its group) and the topic, for example <c>topic == Activity.TopicFor(board)</c>.</summary>
    public Func<LiveConnection, Topic, bool>? MaySubscribeTopic { get; set; }

    /// <summary>Allows a pattern by a rule of the connection and the pattern (checked after the patterns given to <see cref="Allow(TopicPattern)"/>).</summary>
    public Func<LiveConnection, TopicPattern, bool>? MaySubscribePattern { get; set; }

    /// <summary>Lets every browser of the endpoint subscribe to exactly <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException">The topic is default or reserved (reserved topics follow <see cref="AllowOwnReservedTopics"/> only).</exception>
    public TopicPolicy Allow(Topic topic)
    {
        if (topic.IsDefault || topic.IsReserved)
        {
            throw new ArgumentException("Allow a topic that is not default nor reserved: a connection's own reserved topics follow AllowOwnReservedTopics.", nameof(topic));
        }

        _topics.Add(topic);
        return this;
    }

    /// <summary>
    /// Lets every browser of the endpoint subscribe to each topic <paramref name="scope"/> matches, and to each pattern no
    /// broader than it (<c>board/*/activity</c> allows <c>board/7/activity</c> and the pattern itself, not <c>board/*/*</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is default.</exception>
    public TopicPolicy Allow(TopicPattern scope)
    {
        if (scope.IsDefault)
        {
            throw new ArgumentException("Allow a pattern created with new TopicPattern(value).", nameof(scope));
        }

        _scopes.Add(scope);
        return this;
    }

    /// <summary>Whether the browser of <paramref name="connection"/> may subscribe to <paramref name="topic"/>.</summary>
    internal bool Allows(LiveConnection connection, Topic topic)
    {
        if (topic.IsReserved)
        {
            return AllowOwnReservedTopics && topic.IsOpenTo(connection.GroupId, connection.UserId);
        }

        return _topics.Contains(topic)
            || _scopes.Exists(scope => scope.Matches(topic))
            || (MaySubscribeTopic?.Invoke(connection, topic) ?? false);
    }

    /// <summary>Whether the browser of <paramref name="connection"/> may subscribe to <paramref name="pattern"/>.</summary>
    internal bool Allows(LiveConnection connection, TopicPattern pattern)
        => _scopes.Exists(scope => Covers(scope, pattern)) || (MaySubscribePattern?.Invoke(connection, pattern) ?? false);

    /// <summary>True when every topic <paramref name="pattern"/> matches, <paramref name="scope"/> matches too: as many segments, each a <c>*</c> of the scope or equal.</summary>
    private static bool Covers(TopicPattern scope, TopicPattern pattern)
    {
        var outer = scope.Value.Split('/');
        var inner = pattern.Value.Split('/');
        if (outer.Length != inner.Length)
        {
            return false;
        }

        for (var i = 0; i < outer.Length; i++)
        {
            if (outer[i] != "*" && !string.Equals(outer[i], inner[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
