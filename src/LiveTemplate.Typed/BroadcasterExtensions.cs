using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed;

/// <summary>
/// Typed publishing: a server action can only be sent to a <see cref="UserId"/> and a group action only to a
/// <see cref="GroupId"/>; the wrong pairing does not compile. The action name and JSON come from the generated code.
/// </summary>
public static class BroadcasterExtensions
{
    /// <summary>Runs <paramref name="action"/> on every connection of <paramref name="userId"/>, on every instance.</summary>
    public static Task TriggerAsync<TAction>(this IBroadcaster broadcaster, UserId userId, TAction action, CancellationToken ct = default)
        where TAction : IServerAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        return broadcaster is IInstanceBroadcaster instance
            ? instance.PublishServerActionAsync(userId, action, ct)
            : broadcaster.PublishServerActionAsync(userId, TAction.ActionName, ActionJson.SerializeToUtf8Bytes(action), ct);
    }

    /// <summary>Runs <paramref name="action"/> on every connection of <paramref name="groupId"/>, on every instance.</summary>
    public static Task BroadcastAsync<TAction>(this IBroadcaster broadcaster, GroupId groupId, TAction action, CancellationToken ct = default)
        where TAction : IGroupAction<TAction>
        => broadcaster.BroadcastAsync(groupId, action, excludeConnectionId: null, ct);

    /// <summary>
    /// Runs <paramref name="action"/> on every connection of <paramref name="groupId"/>, on every instance, except
    /// <paramref name="excludeConnectionId"/> (usually the connection that caused it).
    /// </summary>
    public static Task BroadcastAsync<TAction>(this IBroadcaster broadcaster, GroupId groupId, TAction action, string? excludeConnectionId, CancellationToken ct = default)
        where TAction : IGroupAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        return broadcaster is IInstanceBroadcaster instance
            ? instance.PublishGroupActionAsync(groupId, action, excludeConnectionId, ct)
            : broadcaster.PublishGroupActionAsync(groupId, TAction.ActionName, ActionJson.SerializeToUtf8Bytes(action), excludeConnectionId, ct);
    }
}
