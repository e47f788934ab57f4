namespace LiveTemplate.Typed.Presence;

/// <summary>How many members and connections a presence scope has, read without listing them.</summary>
/// <param name="Members">The members (users, or connections when each is a member).</param>
/// <param name="Connections">The tracked connections.</param>
public readonly record struct PresenceCount(long Members, long Connections);
