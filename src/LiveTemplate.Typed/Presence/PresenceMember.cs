namespace LiveTemplate.Typed.Presence;

/// <summary>A member of a presence scope with every connection it has there, on every instance.</summary>
public sealed record PresenceMember
{
    /// <summary>The member's key (<c>u:{user}</c>, or <c>c:{connection}</c>).</summary>
    public required string MemberKey { get; init; }

    /// <summary>The member's user, when it is one.</summary>
    public UserId? UserId { get; init; }

    /// <summary>The member's connections, oldest first.</summary>
    public required IReadOnlyList<PresenceConnection> Connections { get; init; }

    /// <summary>The member's metadata: that of the connection whose metadata was set last.</summary>
    public ReadOnlyMemory<byte> Metadata => Connections.MaxBy(c => c.Updated)!.Metadata;

    /// <summary>Since when the member is present (its oldest connection).</summary>
    public DateTimeOffset Since => Connections[0].Since;

    /// <summary>Groups connections into members, ordered by when they arrived (then by key, so that every instance lists them alike).</summary>
    public static IReadOnlyList<PresenceMember> From(IEnumerable<PresenceConnection> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        return connections
            .GroupBy(c => c.MemberKey, StringComparer.Ordinal)
            .Select(g => new PresenceMember
            {
                MemberKey = g.Key,
                UserId = g.First().UserId,
                Connections = g.OrderBy(c => c.Since).ThenBy(c => c.ConnectionId, StringComparer.Ordinal).ToList(),
            })
            .OrderBy(m => m.Since)
            .ThenBy(m => m.MemberKey, StringComparer.Ordinal)
            .ToList();
    }
}
