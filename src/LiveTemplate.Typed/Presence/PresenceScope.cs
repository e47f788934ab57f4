namespace LiveTemplate.Typed.Presence;

/// <summary>Where a connection is present: its group, or its user's own scope. Stores key a scope by <see cref="Key"/>.</summary>
/// <param name="Kind">A group or a user.</param>
/// <param name="Id">The group's or the user's id.</param>
public readonly record struct PresenceScope(PresenceScopeKind Kind, string Id)
{
    /// <summary>The scope of <paramref name="groupId"/>'s members.</summary>
    public static PresenceScope Of(GroupId groupId) => new(PresenceScopeKind.Group, ScopeIdRules.Require(groupId, nameof(groupId)).Value);

    /// <summary>The scope of <paramref name="userId"/>'s own connections.</summary>
    public static PresenceScope Of(UserId userId) => new(PresenceScopeKind.User, ScopeIdRules.Require(userId, nameof(userId)).Value);

    /// <summary>The scope as one string (<c>g:board-1</c>, <c>u:alice</c>): a store's key and an event's scope field.</summary>
    public string Key => (Kind == PresenceScopeKind.Group ? "g:" : "u:") + Id;

    /// <summary>Reads a <see cref="Key"/> back; false for anything else.</summary>
    public static bool TryParse(string? key, out PresenceScope scope)
    {
        scope = default;
        if (key is not { Length: > 2 } || key[1] != ':' || key[0] is not ('g' or 'u') || ScopeIdRules.Explain(key[2..], "A presence scope id") is not null)
        {
            return false;
        }

        scope = new PresenceScope(key[0] == 'g' ? PresenceScopeKind.Group : PresenceScopeKind.User, key[2..]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
