namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Subscribes this instance to the channels of one group or user, so that it only receives traffic for the
/// scopes it has connections for. Subscriptions are reference-counted: every subscribe must be matched by one
/// unsubscribe, and only the first and the last reach the transport.
/// </summary>
/// <remarks>
/// A subscribe returns once the transport has confirmed it. If the wait is cancelled (for example while Redis is
/// unreachable), the reference is kept and the subscription is confirmed as soon as the transport is back; release
/// it with the matching unsubscribe. Unsubscribing what was never subscribed does nothing.
/// </remarks>
public interface IDynamicSubscriber
{
    /// <summary>Subscribes to the group's broadcast channel.</summary>
    Task SubscribeToGroupAsync(GroupId groupId, CancellationToken ct = default);

    /// <summary>Subscribes to the user's broadcast channel.</summary>
    Task SubscribeToUserAsync(UserId userId, CancellationToken ct = default);

    /// <summary>Subscribes to the user's server-action channel.</summary>
    Task SubscribeToServerActionAsync(UserId userId, CancellationToken ct = default);

    /// <summary>Subscribes to the group's group-action channel.</summary>
    Task SubscribeToGroupActionAsync(GroupId groupId, CancellationToken ct = default);

    /// <summary>Releases one reference to the group's broadcast channel.</summary>
    Task UnsubscribeFromGroupAsync(GroupId groupId, CancellationToken ct = default);

    /// <summary>Releases one reference to the user's broadcast channel.</summary>
    Task UnsubscribeFromUserAsync(UserId userId, CancellationToken ct = default);

    /// <summary>Releases one reference to the user's server-action channel.</summary>
    Task UnsubscribeFromServerActionAsync(UserId userId, CancellationToken ct = default);

    /// <summary>Releases one reference to the group's group-action channel.</summary>
    Task UnsubscribeFromGroupActionAsync(GroupId groupId, CancellationToken ct = default);
}
