namespace LiveTemplate.Typed.Presence;

/// <summary>What happened to a member of a presence scope.</summary>
public enum PresenceEventKind
{
    /// <summary>The member arrived (its first connection was tracked).</summary>
    Join,

    /// <summary>The member's metadata changed.</summary>
    Update,

    /// <summary>The member left (its last connection was untracked, closed, or its instance stopped answering).</summary>
    Leave,
}
