namespace LiveTemplate.Typed.PubSub;

/// <summary>The kinds of channel a broadcaster publishes on (see <see cref="ChannelNames"/>).</summary>
public enum ChannelKind
{
    /// <summary><c>{prefix}:broadcast:global</c>.</summary>
    GlobalBroadcast,

    /// <summary><c>{prefix}:broadcast:group:{groupId}</c>.</summary>
    GroupBroadcast,

    /// <summary><c>{prefix}:broadcast:user:{userId}</c>.</summary>
    UserBroadcast,

    /// <summary><c>{prefix}:action:user:{userId}</c>.</summary>
    ServerAction,

    /// <summary><c>{prefix}:groupaction:group:{groupId}</c>.</summary>
    GroupAction,

    /// <summary><c>{prefix}:topic:{topic}</c>: one topic's actions.</summary>
    Topic,

    /// <summary><c>{prefix}:topic:{pattern}</c>, subscribed as a Redis pattern: the actions of every topic the pattern matches.</summary>
    TopicPattern,
}
