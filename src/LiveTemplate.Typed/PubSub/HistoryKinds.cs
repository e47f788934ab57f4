namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// The kinds of channel whose messages are kept in a bounded per-channel history with positions, so that receivers
/// (instances and resuming browsers) can recover what they missed (see docs/recovery.md). Combine them with <c>|</c>;
/// in configuration, <c>"GroupAction, ServerAction"</c>.
/// </summary>
[Flags]
public enum HistoryKinds
{
    /// <summary>No history: at-most-once delivery, the wire bytes of livetemplate (the default).</summary>
    None = 0,

    /// <summary><c>{prefix}:broadcast:global</c>.</summary>
    GlobalBroadcast = 1,

    /// <summary><c>{prefix}:broadcast:group:{groupId}</c>.</summary>
    GroupBroadcast = 2,

    /// <summary><c>{prefix}:broadcast:user:{userId}</c>.</summary>
    UserBroadcast = 4,

    /// <summary><c>{prefix}:action:user:{userId}</c>.</summary>
    ServerAction = 8,

    /// <summary><c>{prefix}:groupaction:group:{groupId}</c>.</summary>
    GroupAction = 16,

    /// <summary>Every kind.</summary>
    All = GlobalBroadcast | GroupBroadcast | UserBroadcast | ServerAction | GroupAction,
}
