namespace LiveTemplate.Typed.Presence;

/// <summary>What a member of a group is: a user (all of its connections together), or each connection on its own.</summary>
public enum PresenceEvents
{
    /// <summary>A user with three tabs is one member: it joins once, when its first tab arrives, and leaves once, when its last one goes (the default). Anonymous connections are members of their own.</summary>
    PerUser,

    /// <summary>Every connection is a member of its own: each tab joins and leaves.</summary>
    PerConnection,
}
