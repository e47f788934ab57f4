namespace LiveTemplate.Typed.Presence;

/// <summary>Whose presence a scope holds: a group's members, or one user's own connections (their devices and tabs).</summary>
public enum PresenceScopeKind
{
    /// <summary>The members of one group.</summary>
    Group,

    /// <summary>The connections of one user, one member each.</summary>
    User,
}
