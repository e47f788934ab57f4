namespace LiveTemplate.Typed.PubSub;

/// <summary>An opaque payload for every connection of a scope (Go's <c>BroadcastMessage</c>, <c>type</c> "broadcast").</summary>
public sealed class BroadcastMessage : PubSubMessage
{
    private BroadcastMessage(BroadcastScope scope, GroupId? groupId, UserId? userId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, string instanceId, DateTimeOffset timestamp)
        : base(instanceId, timestamp)
    {
        Scope = scope;
        GroupId = groupId;
        UserId = userId;
        Payload = payload;
        ExcludeConnectionId = string.IsNullOrEmpty(excludeConnectionId) ? null : excludeConnectionId;
    }

    /// <summary>Who the message is for.</summary>
    public BroadcastScope Scope { get; }

    /// <summary>The target group when <see cref="Scope"/> is <see cref="BroadcastScope.Group"/>.</summary>
    public GroupId? GroupId { get; }

    /// <summary>The target user when <see cref="Scope"/> is <see cref="BroadcastScope.User"/>.</summary>
    public UserId? UserId { get; }

    /// <summary>The bytes to deliver, as published.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>A connection that must not receive the message (usually its sender), or null.</summary>
    public string? ExcludeConnectionId { get; }

    /// <inheritdoc />
    public override ChannelKind ChannelKind => Scope switch
    {
        BroadcastScope.Group => ChannelKind.GroupBroadcast,
        BroadcastScope.User => ChannelKind.UserBroadcast,
        _ => ChannelKind.GlobalBroadcast,
    };

    /// <summary>A message for every connection on every instance.</summary>
    public static BroadcastMessage ToEveryone(ReadOnlyMemory<byte> payload, string instanceId, DateTimeOffset timestamp, string? excludeConnectionId = null)
        => new(BroadcastScope.Global, null, null, payload, excludeConnectionId, instanceId, timestamp);

    /// <summary>A message for every connection of <paramref name="groupId"/>.</summary>
    public static BroadcastMessage ToGroup(GroupId groupId, ReadOnlyMemory<byte> payload, string instanceId, DateTimeOffset timestamp, string? excludeConnectionId = null)
        => new(BroadcastScope.Group, ScopeIdRules.Require(groupId, nameof(groupId)), null, payload, excludeConnectionId, instanceId, timestamp);

    /// <summary>A message for every connection of <paramref name="userId"/>.</summary>
    public static BroadcastMessage ToUser(UserId userId, ReadOnlyMemory<byte> payload, string instanceId, DateTimeOffset timestamp, string? excludeConnectionId = null)
        => new(BroadcastScope.User, null, ScopeIdRules.Require(userId, nameof(userId)), payload, excludeConnectionId, instanceId, timestamp);
}
