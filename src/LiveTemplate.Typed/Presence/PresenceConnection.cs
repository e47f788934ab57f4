namespace LiveTemplate.Typed.Presence;

/// <summary>One tracked connection of a presence scope, as the store keeps it.</summary>
public sealed record PresenceConnection
{
    /// <summary>The connection's id (unique across instances).</summary>
    public required string ConnectionId { get; init; }

    /// <summary>The member it belongs to (<c>u:{user}</c>, or <c>c:{connection}</c> for an anonymous or per-connection member).</summary>
    public required string MemberKey { get; init; }

    /// <summary>The connection's user, when it was authenticated.</summary>
    public UserId? UserId { get; init; }

    /// <summary>The instance (and its incarnation) that tracks the connection and keeps it alive with its heartbeat.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The connection's metadata, one UTF-8 JSON object.</summary>
    public required ReadOnlyMemory<byte> Metadata { get; init; }

    /// <summary>When the connection was tracked.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>When its metadata was last set (tracked or updated).</summary>
    public required DateTimeOffset Updated { get; init; }
}
