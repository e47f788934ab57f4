namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Carries messages to every connection of a scope (everyone, one group, one user), whichever app instance
/// holds the connection. Publishing delivers to this instance's own subscribers first, then to the others.
/// </summary>
/// <remarks>
/// Payloads are handed over, not copied: the broadcaster and its local subscribers may keep referring to the
/// memory after the call returns, so do not reuse or mutate a buffer once it has been published.
/// </remarks>
public interface IBroadcaster : IAsyncDisposable
{
    /// <summary>Publishes <paramref name="payload"/> to every connection on every instance.</summary>
    Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, CancellationToken ct = default);

    /// <summary>Publishes <paramref name="payload"/> to every connection of one group.</summary>
    Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, CancellationToken ct = default);

    /// <summary>Publishes <paramref name="payload"/> to every connection of one user.</summary>
    Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, CancellationToken ct = default);

    /// <summary>Triggers a server action on every connection of one user; <paramref name="data"/> is the action's UTF-8 JSON object (or empty).</summary>
    Task PublishServerActionAsync(UserId userId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>Triggers a group action on every connection of one group; <paramref name="data"/> is the action's UTF-8 JSON object (or empty).</summary>
    Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>
    /// Triggers a group action on every connection of one group except <paramref name="excludeConnectionId"/> (usually
    /// the sender), as livetemplate's <c>ctx.BroadcastAction</c>.
    /// </summary>
    Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, string? excludeConnectionId, CancellationToken ct = default);

    /// <summary>Registers a handler for broadcast messages (global, group and user) and subscribes the global channel.</summary>
    Task SubscribeAsync(Func<BroadcastMessage, ValueTask> handler, CancellationToken ct = default);

    /// <summary>Registers a handler for server actions of the users this instance is subscribed to.</summary>
    Task SubscribeServerActionsAsync(Func<ServerActionMessage, ValueTask> handler, CancellationToken ct = default);

    /// <summary>Registers a handler for group actions of the groups this instance is subscribed to.</summary>
    Task SubscribeGroupActionsAsync(Func<GroupActionMessage, ValueTask> handler, CancellationToken ct = default);
}
