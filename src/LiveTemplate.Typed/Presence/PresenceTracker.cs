using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Presence over a shared store (in memory, or Redis): the connections this instance tracks, kept locally so that they
/// can be written again whenever the store lost them; a heartbeat that renews this instance's liveness (a value that
/// expires by itself after <see cref="PresenceOptions.Timeout"/>) and removes the members of instances whose liveness
/// expired; and the handlers watching scopes. A store implements the atomic changes of one scope (each change
/// announced once, by the store, in its order) and liveness.
/// </summary>
public abstract class PresenceTracker : IPresence
{
    private static readonly TimeSpan DisposeUntrackWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, TrackedConnection> _local = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TrackedConnection> _leaving = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PresenceScope, byte> _indexed = new();
    private readonly PresenceWatchers _watchers;
    private readonly PresenceAudit _audit;
    private readonly SemaphoreSlim _watchGate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private readonly TaskCompletionSource _firstBeat = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _baseId = Guid.NewGuid().ToString("N")[..16];
    private Task _heartbeat = Task.CompletedTask;
    private string _instanceId;
    private int _incarnation = 1;
    private bool _alive;
    private int _disposed;

    /// <summary>Creates the tracker; derived constructors call <see cref="Start"/> once they are ready.</summary>
    /// <exception cref="ArgumentException">The options have problems (see <see cref="PresenceOptions.GetErrors"/>).</exception>
    protected PresenceTracker(PresenceOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.GetErrors() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        Options = options;
        Logger = logger;
        _watchers = new PresenceWatchers(logger);
        _audit = new PresenceAudit(options, logger);
        _instanceId = _baseId + ".1";
    }

    /// <inheritdoc />
    public string InstanceId => Volatile.Read(ref _instanceId);

    /// <summary>The settings given at construction.</summary>
    protected PresenceOptions Options { get; }

    /// <summary>The logger given at construction.</summary>
    protected ILogger Logger { get; }

    /// <summary>Cancelled when disposal begins.</summary>
    protected CancellationToken Disposing => _disposing.Token;

    /// <summary>How many connections this instance tracks.</summary>
    public int TrackedCount => _local.Count;

    /// <summary>Starts the heartbeat; call once, at the end of the derived constructor.</summary>
    protected void Start() => _heartbeat = Task.Run(HeartbeatLoopAsync);

    // ---- The store: what a derived class implements ----

    /// <summary>
    /// Atomically adds (or, when present, re-owns and updates) <paramref name="connection"/> in <paramref name="scope"/> and
    /// announces the change once (join for a new member, update for changed metadata); records that its instance has
    /// connections in the scope, so that survivors find them when the instance's liveness expires.
    /// </summary>
    protected abstract Task TrackOnStoreAsync(PresenceScope scope, PresenceConnection connection, CancellationToken ct);

    /// <summary>Atomically replaces the connection's metadata and announces a changed member's update; false when the store does not have it.</summary>
    protected abstract Task<bool> UpdateOnStoreAsync(PresenceScope scope, string connectionId, ReadOnlyMemory<byte> metadata, DateTimeOffset at, CancellationToken ct);

    /// <summary>Atomically removes the connection and announces the member's leave when it was its last.</summary>
    protected abstract Task UntrackOnStoreAsync(PresenceScope scope, string connectionId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Every connection of <paramref name="scope"/>.</summary>
    protected abstract Task<IReadOnlyList<PresenceConnection>> ListOnStoreAsync(PresenceScope scope, CancellationToken ct);

    /// <summary>The scope's member and connection counts.</summary>
    protected abstract Task<PresenceCount> CountOnStoreAsync(PresenceScope scope, CancellationToken ct);

    /// <summary>
    /// True when <paramref name="scope"/> still holds <paramref name="connectionId"/>, which <paramref name="instanceId"/>
    /// owns; false when the store lost it while the instance's liveness survived (a cluster node restarted without its
    /// data). A store may also renew here its record that the instance has connections in the scope. The default reads
    /// the scope's list; a store overrides it with a cheaper check.
    /// </summary>
    protected virtual async Task<bool> HoldsOnStoreAsync(PresenceScope scope, string connectionId, string instanceId, CancellationToken ct)
        => (await ListOnStoreAsync(scope, ct).ConfigureAwait(false)).Any(c => c.ConnectionId == connectionId);

    /// <summary>Renews <paramref name="instanceId"/>'s liveness for <paramref name="timeout"/>; false when it had expired (or the store lost it).</summary>
    protected abstract Task<bool> BeatOnStoreAsync(string instanceId, TimeSpan timeout, CancellationToken ct);

    /// <summary>The instances (other than <paramref name="self"/>) the store knows whose liveness expired.</summary>
    protected abstract Task<IReadOnlyList<string>> FindExpiredOnStoreAsync(string self, CancellationToken ct);

    /// <summary>Removes every connection <paramref name="instanceId"/> owns, scope by scope, each leave announced once, then forgets the instance; returns the scopes visited.</summary>
    protected abstract Task<int> EvictOnStoreAsync(string instanceId, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Removes <paramref name="scope"/> from the store's record of the scopes <paramref name="instanceId"/> has connections
    /// in (the record <see cref="TrackOnStoreAsync"/> keeps for survivors). The tracker calls it from its heartbeat for a
    /// scope none of its connections is in any more, so that the record does not grow with every group and user the
    /// instance ever had; the default does nothing (a store that keeps no such record).
    /// </summary>
    protected virtual Task ForgetScopeOnStoreAsync(PresenceScope scope, string instanceId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Forgets <paramref name="instanceId"/>'s liveness after it untracked its connections (a clean stop).</summary>
    protected abstract Task EndOnStoreAsync(string instanceId, CancellationToken ct);

    /// <summary>Starts receiving <paramref name="scope"/>'s events (fed to <see cref="OnStoreEventAsync"/>); returns once the store confirms.</summary>
    protected abstract Task WatchOnStoreAsync(PresenceScope scope, CancellationToken ct);

    /// <summary>Stops receiving <paramref name="scope"/>'s events.</summary>
    protected abstract Task UnwatchOnStoreAsync(PresenceScope scope, CancellationToken ct);

    /// <summary>Releases the store's resources; must not wait for a store that does not answer.</summary>
    protected virtual ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;

    /// <summary>Hands one event of a watched scope to its handlers; call it in the scope's order and await it.</summary>
    protected ValueTask OnStoreEventAsync(PresenceEvent presenceEvent)
    {
        ArgumentNullException.ThrowIfNull(presenceEvent);
        return IsDisposed ? ValueTask.CompletedTask : _watchers.DeliverAsync(presenceEvent);
    }

    // ---- The contract ----

    /// <summary>True once disposal has begun.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc />
    public bool IsTracked(string connectionId) => _local.ContainsKey(connectionId);

    /// <inheritdoc />
    public async Task TrackAsync(GroupId groupId, string connectionId, UserId? userId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        ScopeIdRules.Require(groupId, nameof(groupId));
        ScopeIdRules.Validate(connectionId, "A connection id", nameof(connectionId));
        if (userId is { } user)
        {
            ScopeIdRules.Require(user, nameof(userId));
        }

        var stored = PresenceMetadataRules.Validate(metadata, Options.MaxMetadataBytes, nameof(metadata));
        if (_leaving.TryGetValue(connectionId, out var leaving))
        {
            // Its earlier untrack has not reached the store yet: finish it first, so that it cannot remove this track.
            await RemoveFromStoreAsync(leaving, ct).ConfigureAwait(false);
        }

        var connection = new TrackedConnection(connectionId, groupId, userId, stored, Now);
        if (!_local.TryAdd(connectionId, connection))
        {
            throw new InvalidOperationException($"Connection '{connectionId}' is already tracked here: update its metadata instead.");
        }

        // Liveness before the first write: survivors take an instance with connections and no liveness for a dead one.
        await _firstBeat.Task.WaitAsync(ct).ConfigureAwait(false);
        await WriteAsync(connection, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(string connectionId, ReadOnlyMemory<byte> metadata, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        ScopeIdRules.Validate(connectionId, "A connection id", nameof(connectionId));
        var stored = PresenceMetadataRules.Validate(metadata, Options.MaxMetadataBytes, nameof(metadata));
        if (!_local.TryGetValue(connectionId, out var connection))
        {
            throw new InvalidOperationException($"Connection '{connectionId}' is not tracked by this instance: only the instance that holds a connection may change its presence.");
        }

        await connection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            connection.Metadata = stored;
            connection.Updated = Now;
            connection.Dirty = true;
            var kept = true;
            foreach (var scope in ScopesOf(connection))
            {
                kept &= await UpdateOnStoreAsync(scope, connection.Id, stored, connection.Updated, ct).ConfigureAwait(false);
            }

            if (!kept)
            {
                // The store lost it (evicted after a long pause, or restarted): write it whole again.
                await WriteLockedAsync(connection, ct).ConfigureAwait(false);
            }

            connection.Dirty = false;
        }
        finally
        {
            connection.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> UntrackAsync(string connectionId, CancellationToken ct = default)
    {
        ScopeIdRules.Validate(connectionId, "A connection id", nameof(connectionId));
        if (!_local.TryGetValue(connectionId, out var connection))
        {
            return false;
        }

        // Kept until the store has the removal: when this fails (the store away, the caller gave up), the heartbeat
        // removes it again, so a live instance leaves no member behind. Leaving before it is no longer local: the
        // heartbeat's prune of the scope record never sees it in neither.
        _leaving[connectionId] = connection;
        if (!_local.TryRemove(new KeyValuePair<string, TrackedConnection>(connectionId, connection)))
        {
            _leaving.TryRemove(new KeyValuePair<string, TrackedConnection>(connectionId, connection));
            return false; // another untrack took it
        }

        connection.Removed = true;
        await RemoveFromStoreAsync(connection, ct).ConfigureAwait(false);
        return true;
    }

    private async Task RemoveFromStoreAsync(TrackedConnection connection, CancellationToken ct)
    {
        await connection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            foreach (var scope in ScopesOf(connection))
            {
                await UntrackOnStoreAsync(scope, connection.Id, Now, ct).ConfigureAwait(false);
            }

            _leaving.TryRemove(new KeyValuePair<string, TrackedConnection>(connection.Id, connection));
        }
        finally
        {
            connection.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PresenceMember>> ListAsync(PresenceScope scope, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        Check(scope);
        return PresenceMember.From(await ListOnStoreAsync(scope, ct).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<PresenceCount> CountAsync(PresenceScope scope, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        Check(scope);
        return CountOnStoreAsync(scope, ct);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> WatchAsync(PresenceScope scope, Func<PresenceEvent, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        Check(scope);
        ArgumentNullException.ThrowIfNull(handler);
        await _watchGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_watchers.Add(scope, handler))
            {
                try
                {
                    await WatchOnStoreAsync(scope, ct).ConfigureAwait(false);
                }
                catch
                {
                    _watchers.Remove(scope, handler);
                    throw;
                }
            }
        }
        finally
        {
            _watchGate.Release();
        }

        return new Watch(this, scope, handler);
    }

    /// <summary>
    /// Stops the heartbeat and untracks every connection of this instance (each member's leave announced at once),
    /// waiting at most two seconds for the store; what could not be untracked leaves when this instance's liveness expires.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using (var wait = new CancellationTokenSource(DisposeUntrackWait))
        {
            var untracked = true;
            foreach (var id in _local.Keys.ToList())
            {
                if (_local.TryRemove(id, out var connection))
                {
                    connection.Removed = true;
                    _leaving[id] = connection;
                }
            }

            foreach (var connection in _leaving.Values)
            {
                try
                {
                    await RemoveFromStoreAsync(connection, wait.Token).WaitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    untracked = false;
                    PresenceLog.UntrackFailed(Logger, connection.Id, ex.Message);
                }
            }

            try
            {
                // Only after a clean untrack: otherwise survivors still need the index to find what is left.
                if (untracked)
                {
                    await EndOnStoreAsync(InstanceId, wait.Token).WaitAsync(wait.Token).ConfigureAwait(false);
                }

                await DisposeStoreAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The store is away (or the app already closed its connection): the liveness expires by itself.
                PresenceLog.UntrackFailed(Logger, "(instance " + InstanceId + ")", ex.Message);
            }
        }

        _disposing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> once disposal has begun.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    // ---- Internals ----

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    private static void Check(PresenceScope scope)
    {
        var problem = Enum.IsDefined(scope.Kind) ? ScopeIdRules.Explain(scope.Id, "A presence scope id") : "Unknown presence scope kind.";
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(scope));
        }
    }

    internal static IEnumerable<PresenceScope> ScopesOf(TrackedConnection connection)
    {
        yield return PresenceScope.Of(connection.GroupId);
        if (connection.UserId is { } user)
        {
            yield return PresenceScope.Of(user);
        }
    }

    private PresenceConnection StoredForm(TrackedConnection connection, PresenceScope scope) => new()
    {
        ConnectionId = connection.Id,
        MemberKey = scope.Kind == PresenceScopeKind.Group && Options.Events == PresenceEvents.PerUser && connection.UserId is { } user
            ? "u:" + user.Value
            : "c:" + connection.Id,
        UserId = connection.UserId,
        InstanceId = InstanceId,
        Metadata = connection.Metadata,
        Since = connection.Since,
        Updated = connection.Updated,
    };

    private async Task WriteAsync(TrackedConnection connection, CancellationToken ct)
    {
        await connection.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await WriteLockedAsync(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            connection.Gate.Release();
        }
    }

    private async Task WriteLockedAsync(TrackedConnection connection, CancellationToken ct)
    {
        if (connection.Removed)
        {
            return;
        }

        connection.Dirty = true;
        foreach (var scope in ScopesOf(connection))
        {
            _indexed.TryAdd(scope, 0); // before the store records it: a prune that misses this one sees the connection
            await TrackOnStoreAsync(scope, StoredForm(connection, scope), ct).ConfigureAwait(false);
        }

        connection.Dirty = false;
    }

    private async Task HeartbeatLoopAsync()
    {
        var ct = _disposing.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await BeatAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                PresenceLog.HeartbeatFailed(Logger, ex.Message, Options.HeartbeatInterval);
            }
            finally
            {
                _firstBeat.TrySetResult();
            }

            try
            {
                await Task.Delay(Options.HeartbeatInterval, Options.TimeProvider, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        var kept = await BeatOnStoreAsync(InstanceId, Options.Timeout, ct).ConfigureAwait(false);
        if (!kept && _alive)
        {
            // Our liveness expired (a pause past the timeout: survivors may be removing our members) or the store lost
            // everything: carry on as a new incarnation, so that a removal in flight cannot take the re-asserted ones.
            Volatile.Write(ref _instanceId, _baseId + "." + ++_incarnation);
            _indexed.Clear(); // the new incarnation's record starts empty; the old one's goes with its eviction
            await BeatOnStoreAsync(InstanceId, Options.Timeout, ct).ConfigureAwait(false);
            PresenceLog.Reasserting(Logger, _local.Count, InstanceId);
            foreach (var connection in _local.Values)
            {
                connection.Dirty = true;
            }
        }

        _alive = true;
        await _audit.CheckNextAsync(_local, InstanceId, HoldsOnStoreAsync, ct).ConfigureAwait(false);
        foreach (var connection in _local.Values.Where(c => c.Dirty))
        {
            await WriteAsync(connection, ct).ConfigureAwait(false);
        }

        foreach (var connection in _leaving.Values)
        {
            await RemoveFromStoreAsync(connection, ct).ConfigureAwait(false);
        }

        await PruneScopeRecordAsync(ct).ConfigureAwait(false);
        foreach (var expired in await FindExpiredOnStoreAsync(InstanceId, ct).ConfigureAwait(false))
        {
            var scopes = await EvictOnStoreAsync(expired, Now, ct).ConfigureAwait(false);
            PresenceLog.Evicted(Logger, expired, scopes);
        }
    }

    // The store's record of this incarnation's scopes loses those none of its connections (tracked or still leaving) is in.
    // A connection tracked meanwhile in such a scope is either seen by the check after the removals (and written again,
    // which records the scope again) or tracked after it, its own write recording the scope after the removal.
    private async Task PruneScopeRecordAsync(CancellationToken ct)
    {
        if (_indexed.IsEmpty)
        {
            return;
        }

        var unused = _indexed.Keys.Except(HeldScopes()).ToHashSet();
        if (unused.Count == 0)
        {
            return;
        }

        var instance = InstanceId;
        foreach (var scope in unused)
        {
            _indexed.TryRemove(scope, out _);
            try
            {
                await ForgetScopeOnStoreAsync(scope, instance, ct).ConfigureAwait(false);
            }
            catch
            {
                _indexed.TryAdd(scope, 0); // still recorded on the store, perhaps: tried again by the next heartbeat
                throw;
            }
        }

        var held = HeldScopes();
        foreach (var connection in _local.Values.Where(c => ScopesOf(c).Any(s => unused.Contains(s) && held.Contains(s))))
        {
            await WriteAsync(connection, ct).ConfigureAwait(false);
        }

        foreach (var connection in _leaving.Values.Where(c => ScopesOf(c).Any(s => unused.Contains(s) && held.Contains(s))))
        {
            await RemoveFromStoreAsync(connection, ct).ConfigureAwait(false);
        }
    }

    private HashSet<PresenceScope> HeldScopes() => [.. _local.Values.Concat(_leaving.Values).SelectMany(ScopesOf)];

    private async ValueTask UnwatchAsync(PresenceScope scope, Func<PresenceEvent, ValueTask> handler)
    {
        await _watchGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_watchers.Remove(scope, handler) && !IsDisposed)
            {
                await UnwatchOnStoreAsync(scope, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _watchGate.Release();
        }
    }

    private sealed class Watch(PresenceTracker tracker, PresenceScope scope, Func<PresenceEvent, ValueTask> handler) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? tracker.UnwatchAsync(scope, handler) : ValueTask.CompletedTask;
    }
}
