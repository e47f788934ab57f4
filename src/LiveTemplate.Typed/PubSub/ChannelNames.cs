namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Every channel name the broadcasters use, in one place. Names are literal: an id containing <c>*</c>, <c>?</c>
/// or <c>[</c> is part of the name, never a pattern.
/// </summary>
public sealed class ChannelNames
{
    /// <summary>The prefix livetemplate (Go) uses; instances that share channels must share the prefix.</summary>
    public const string DefaultPrefix = "livetemplate";

    /// <summary>The longest prefix accepted.</summary>
    public const int MaxPrefixLength = 64;

    private readonly string _groupBroadcast;
    private readonly string _userBroadcast;
    private readonly string _serverAction;
    private readonly string _groupAction;
    private readonly string _topic;

    [ThreadStatic]
    private static LastName t_lastName;

    /// <summary>Creates the names for <paramref name="prefix"/> (letters, digits and <c>-_.:</c>; several apps can share one Redis with different prefixes).</summary>
    /// <exception cref="ArgumentException">The prefix is empty, too long or has other characters.</exception>
    public ChannelNames(string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (Explain(prefix) is { } problem)
        {
            throw new ArgumentException(problem, nameof(prefix));
        }

        Prefix = prefix;
        Global = prefix + ":broadcast:global";
        _groupBroadcast = prefix + ":broadcast:group:";
        _userBroadcast = prefix + ":broadcast:user:";
        _serverAction = prefix + ":action:user:";
        _groupAction = prefix + ":groupaction:group:";
        _topic = prefix + ":topic:";
    }

    /// <summary>Why <paramref name="prefix"/> cannot be a channel prefix, or null when it can.</summary>
    public static string? Explain(string? prefix)
    {
        if (prefix is null || prefix.Length == 0 || prefix.Length > MaxPrefixLength)
        {
            return $"The channel prefix must be 1 to {MaxPrefixLength} characters long.";
        }

        foreach (var c in prefix)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return $"The channel prefix may only contain ASCII letters, digits and '-', '_', '.', ':' (found '{c}').";
            }
        }

        return null;
    }

    /// <summary>The names for the default prefix.</summary>
    public static ChannelNames Default { get; } = new();

    /// <summary>The prefix every name starts with.</summary>
    public string Prefix { get; }

    /// <summary>The channel every instance subscribes at start-up.</summary>
    public string Global { get; }

    /// <summary>The group's broadcast channel.</summary>
    public string GroupBroadcast(GroupId groupId) => For(ChannelKind.GroupBroadcast, groupId.Value);

    /// <summary>The user's broadcast channel.</summary>
    public string UserBroadcast(UserId userId) => For(ChannelKind.UserBroadcast, userId.Value);

    /// <summary>The user's server-action channel.</summary>
    public string ServerAction(UserId userId) => For(ChannelKind.ServerAction, userId.Value);

    /// <summary>The group's group-action channel.</summary>
    public string GroupAction(GroupId groupId) => For(ChannelKind.GroupAction, groupId.Value);

    /// <summary>The topic's channel (Go's <c>{prefix}:topic:{topic}</c>).</summary>
    public string Topic(Topic topic) => For(ChannelKind.Topic, Typed.Topic.Require(topic, nameof(topic)).Value);

    /// <summary>
    /// The Redis glob a pattern subscribes: <c>{prefix}:topic:{pattern}</c>. The grammar leaves <c>*</c> the only glob
    /// character in it (prefix and segments cannot hold <c>?</c>, <c>[</c> or <c>\</c>); since Redis's <c>*</c> also
    /// matches across <c>/</c>, receivers check the match again with the grammar.
    /// </summary>
    public string TopicPattern(TopicPattern pattern) => For(ChannelKind.TopicPattern, Typed.TopicPattern.Require(pattern, nameof(pattern)).Value);

    /// <summary>
    /// The kind of a channel named by this prefix, or null for a name it does not make. A topic channel is
    /// <see cref="ChannelKind.Topic"/> (a pattern subscription's channel is a pattern, which no message is published on).
    /// </summary>
    public ChannelKind? KindOf(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel == Global)
        {
            return ChannelKind.GlobalBroadcast;
        }

        foreach (var kind in (ReadOnlySpan<ChannelKind>)[ChannelKind.GroupAction, ChannelKind.ServerAction, ChannelKind.GroupBroadcast, ChannelKind.UserBroadcast, ChannelKind.Topic])
        {
            var head = HeadOf(kind);
            if (channel.Length > head.Length && channel.StartsWith(head, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The topic of a topic channel's name, or null when <paramref name="channel"/> is not one.</summary>
    public string? TopicOf(string channel) => channel.StartsWith(_topic, StringComparison.Ordinal) ? channel[_topic.Length..] : null;

    /// <summary>
    /// <paramref name="head"/> + <paramref name="id"/>, the same string again when the thread's last name had them: a
    /// publisher that sends to one scope many times builds (and allocates) its channel's name once, and the transport
    /// may then recognise that string by reference. One name per thread is kept, nothing more.
    /// </summary>
    private static string Named(string head, string id)
    {
        ref var last = ref t_lastName;
        if (ReferenceEquals(last.Head, head) && string.Equals(last.Id, id, StringComparison.Ordinal))
        {
            return last.Channel!;
        }

        var channel = head + id;
        last = new LastName(head, id, channel);
        return channel;
    }

    /// <summary>The channel of <paramref name="kind"/> for <paramref name="scopeId"/> (ignored for the global channel).</summary>
    internal string For(ChannelKind kind, string scopeId) => kind == ChannelKind.GlobalBroadcast ? Global : Named(HeadOf(kind), scopeId);

    // Every name but the global one is its kind's head followed by the scope id.
    private string HeadOf(ChannelKind kind) => kind switch
    {
        ChannelKind.GroupBroadcast => _groupBroadcast,
        ChannelKind.UserBroadcast => _userBroadcast,
        ChannelKind.ServerAction => _serverAction,
        ChannelKind.GroupAction => _groupAction,
        ChannelKind.Topic or ChannelKind.TopicPattern => _topic,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown channel kind."),
    };

    /// <summary>The last name a thread built: its head (one instance's kind prefix), scope id and the whole name.</summary>
    private readonly record struct LastName(string? Head, string? Id, string? Channel);
}
