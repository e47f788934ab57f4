namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Who is here, across every instance: connections tracked in their group (and their user's own scope) with metadata,
/// listed and counted from the shared store, with join, update and leave events for the scopes an instance watches.
/// </summary>
public interface IPresence : IAsyncDisposable
{
    /// <summary>This instance's current incarnation: the owner of the connections it tracks (it changes when its liveness was lost and re-asserted).</summary>
    string InstanceId { get; }

    /// <summary>Tracks <paramref name="connectionId"/> in <paramref name="groupId"/> (and in <paramref name="userId"/>'s own scope) with <paramref name="metadata"/> (one JSON object, or empty for <c>{}</c>).</summary>
    /// <exception cref="ArgumentException">The connection id breaks the scope id rules (as the registry's does), or the metadata is not one JSON object, or exceeds <see cref="PresenceOptions.MaxMetadataBytes"/>.</exception>
    /// <exception cref="InvalidOperationException">The connection is already tracked here (update it instead).</exception>
    Task TrackAsync(GroupId groupId, string connectionId, UserId? userId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default);

    /// <summary>Replaces the metadata of a connection this instance tracks.</summary>
    /// <exception cref="ArgumentException">The connection id breaks the scope id rules (as the registry's does), or the metadata is not one JSON object, or exceeds <see cref="PresenceOptions.MaxMetadataBytes"/>.</exception>
    /// <exception cref="InvalidOperationException">This instance does not track the connection (only the instance that holds a connection may change it).</exception>
    Task UpdateAsync(string connectionId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default);

    /// <summary>
    /// Stops tracking a connection of this instance; false when it was not tracked here. It is no longer tracked here
    /// even when this throws (the store away, or <paramref name="ct"/> cancelled): the heartbeat then removes it from
    /// the store, its member's leave announced once.
    /// </summary>
    Task<bool> UntrackAsync(string connectionId, CancellationToken ct = default);

    /// <summary>True when this instance tracks <paramref name="connectionId"/>.</summary>
    bool IsTracked(string connectionId);

    /// <summary>Every member of <paramref name="scope"/> on every instance, with its connections, metadata and since when.</summary>
    Task<IReadOnlyList<PresenceMember>> ListAsync(PresenceScope scope, CancellationToken ct = default);

    /// <summary>How many members and connections <paramref name="scope"/> has, without listing them.</summary>
    Task<PresenceCount> CountAsync(PresenceScope scope, CancellationToken ct = default);

    /// <summary>Calls <paramref name="handler"/> with every event of <paramref name="scope"/>, in the store's order, until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> WatchAsync(PresenceScope scope, Func<PresenceEvent, ValueTask> handler, CancellationToken ct = default);
}
