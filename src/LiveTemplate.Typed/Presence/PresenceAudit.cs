using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Finds the scopes whose copy of this instance's connections the store lost while its liveness survived: on a Redis
/// Cluster the liveness key and a scope's hashes live on different nodes, so one node restarting without its data (or
/// the nodes restarting one after another) loses members the liveness check cannot see. Each heartbeat checks a share
/// of the scopes this instance has connections in, one connection per scope, so that every scope is checked once per
/// <see cref="PresenceOptions.Timeout"/>; the connections of a scope found lost are marked to be written again by the
/// same heartbeat. Only the heartbeat loop calls it.
/// </summary>
internal sealed class PresenceAudit(PresenceOptions options, ILogger logger)
{
    private readonly Queue<(PresenceScope Scope, string ConnectionId)> _pending = new();
    private int _share;

    /// <summary>Checks this heartbeat's share with <paramref name="holds"/> (the store's check) and marks what was lost.</summary>
    public async Task CheckNextAsync(IReadOnlyDictionary<string, TrackedConnection> local, string owner, Func<PresenceScope, string, string, CancellationToken, Task<bool>> holds, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            Refill(local);
        }

        var batch = new List<(PresenceScope Scope, string ConnectionId)>(Math.Min(_share, _pending.Count));
        while (batch.Count < _share && _pending.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        var held = await Task.WhenAll(batch.Select(e => holds(e.Scope, e.ConnectionId, owner, ct))).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            // A connection untracked since the share was taken is gone from the store for its own reason.
            if (!held[i] && local.TryGetValue(batch[i].ConnectionId, out var checkedOne) && !checkedOne.Removed)
            {
                MarkLost(local, batch[i].Scope, owner);
            }
        }
    }

    private void Refill(IReadOnlyDictionary<string, TrackedConnection> local)
    {
        var seen = new HashSet<PresenceScope>();
        foreach (var connection in local.Values)
        {
            foreach (var scope in PresenceTracker.ScopesOf(connection))
            {
                if (seen.Add(scope))
                {
                    _pending.Enqueue((scope, connection.Id));
                }
            }
        }

        var beats = Math.Max(1, (int)(options.Timeout / options.HeartbeatInterval));
        _share = Math.Max(1, (_pending.Count + beats - 1) / beats);
    }

    private void MarkLost(IReadOnlyDictionary<string, TrackedConnection> local, PresenceScope scope, string owner)
    {
        var lost = local.Values.Where(c => !c.Removed && PresenceTracker.ScopesOf(c).Contains(scope)).ToList();
        if (lost.Count == 0)
        {
            return;
        }

        PresenceLog.ScopeLost(logger, scope.Key, lost.Count, owner);
        foreach (var connection in lost)
        {
            connection.Dirty = true;
        }
    }
}
