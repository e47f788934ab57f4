namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// One channel a broadcaster tracks: its name, its kind and the scope id it carries. Transports receive it when
/// asked to subscribe and hand it back with every message that arrives on the channel.
/// </summary>
public sealed class ChannelSubscription
{
    internal ChannelSubscription(string channel, ChannelKind kind, string? scopeId)
    {
        Channel = channel;
        Kind = kind;
        ScopeId = scopeId;
    }

    /// <summary>The literal channel name.</summary>
    public string Channel { get; }

    /// <summary>The kind of messages the channel carries.</summary>
    public ChannelKind Kind { get; }

    /// <summary>The group or user id, topic or pattern in the channel name; null for the global channel.</summary>
    public string? ScopeId { get; }

    // The fields below belong to SubscriptionTable and are only touched under its lock.
    internal int RefCount;
    internal bool TransportActive;
    internal bool NeedsRefresh;
    internal bool IsDirty;
    internal TaskCompletionSource? Settled;

    internal bool IsSettled => TransportActive == RefCount > 0 && !NeedsRefresh && !IsDirty;

    /// <summary>True for a topic pattern: the transport subscribes it as a pattern (Redis <c>PSUBSCRIBE</c>), never as a literal channel.</summary>
    public bool IsPattern => Kind == ChannelKind.TopicPattern;

    /// <summary>True when <paramref name="message"/> belongs on this channel: same kind, same scope id.</summary>
    internal bool Carries(PubSubMessage message)
    {
        if (message is TopicActionMessage topicAction)
        {
            // Redis's glob '*' also matches across '/': the grammar decides what a pattern really matches.
            var topic = topicAction.Topic.Value;
            return Kind == ChannelKind.Topic ? string.Equals(topic, ScopeId, StringComparison.Ordinal)
                : Kind == ChannelKind.TopicPattern && TopicText.Matches(ScopeId!, topic);
        }

        if (message.ChannelKind != Kind)
        {
            return false;
        }

        var id = message switch
        {
            BroadcastMessage { GroupId: { } g } => g.Value,
            BroadcastMessage { UserId: { } u } => u.Value,
            ServerActionMessage s => s.UserId.Value,
            GroupActionMessage g => g.GroupId.Value,
            _ => null,
        };
        return string.Equals(id, ScopeId, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => Channel;
}
