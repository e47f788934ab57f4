namespace LiveTemplate.Typed.Generators.Model;

/// <summary>The scope an action declares (mirrors the runtime's <c>ActionScope</c>), or presence metadata.</summary>
internal enum ActionKind
{
    Server,
    Group,
    Topic,

    /// <summary>Not an action: presence metadata (<c>[PresenceMetadata]</c>), which gets the same JSON code and no name, scope or dispatch.</summary>
    Presence,
}
