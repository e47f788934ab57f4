namespace LiveTemplate.Typed.PubSub;

/// <summary>Who a <see cref="BroadcastMessage"/> is for; matches the Go envelope's <c>scope</c> field.</summary>
public enum BroadcastScope
{
    /// <summary>Every connection on every instance.</summary>
    Global,

    /// <summary>Every connection of one group.</summary>
    Group,

    /// <summary>Every connection of one user.</summary>
    User,
}
