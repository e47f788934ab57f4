namespace LiveTemplate.Typed.Wire;

/// <summary>The <c>type</c> of an envelope: which of Go's message structs it is.</summary>
internal enum EnvelopeType : byte
{
    /// <summary>No <c>type</c> field was read.</summary>
    None,

    /// <summary><c>"broadcast"</c>: Go's <c>BroadcastMessage</c>, an opaque payload for a scope.</summary>
    Broadcast,

    /// <summary><c>"server_action"</c>: Go's <c>ServerActionMessage</c>, an action for one user.</summary>
    ServerAction,

    /// <summary><c>"group_action"</c>: Go's <c>GroupActionMessage</c>, an action for one group.</summary>
    GroupAction,

    /// <summary><c>"topic_action"</c>: Go's <c>GroupActionMessage</c> for a topic (<c>groupID</c> empty, <c>topic</c> set).</summary>
    TopicAction,

    /// <summary>A <c>type</c> this reader does not handle.</summary>
    Unknown,
}
