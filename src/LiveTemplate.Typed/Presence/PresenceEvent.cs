namespace LiveTemplate.Typed.Presence;

/// <summary>A member joined, changed its metadata, or left a presence scope. Events of one scope arrive in the order the store applied them.</summary>
public sealed record PresenceEvent
{
    /// <summary>Join, update or leave.</summary>
    public required PresenceEventKind Kind { get; init; }

    /// <summary>The scope the member is in.</summary>
    public required PresenceScope Scope { get; init; }

    /// <summary>The member's key (<c>u:{user}</c>, or <c>c:{connection}</c>).</summary>
    public required string MemberKey { get; init; }

    /// <summary>The member's user, when it is one.</summary>
    public UserId? UserId { get; init; }

    /// <summary>The connection whose change caused the event.</summary>
    public required string ConnectionId { get; init; }

    /// <summary>The member's metadata after the change (for a leave: its last), one UTF-8 JSON object.</summary>
    public required ReadOnlyMemory<byte> Metadata { get; init; }

    /// <summary>Since when the member is present (for a join: now).</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>When the store applied the change.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
