namespace LiveTemplate.Typed.Presence;

/// <summary>
/// The store of in-memory presence trackers: one for a single instance, or shared by several (tests and demos), with
/// the semantics of the Redis store: each change of a scope applied and announced atomically, in one order for every
/// watcher; liveness per instance that expires by itself.
/// </summary>
public sealed class InMemoryPresenceNetwork
{
    private readonly object _gate = new();
    private readonly Dictionary<PresenceScope, ScopeState> _scopes = [];
    private readonly Dictionary<string, DateTimeOffset> _liveUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PresenceScope>> _scopesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<PresenceScope, List<InMemoryPresence>> _watchers = [];
    private readonly HashSet<InMemoryPresence> _cut = [];

    internal void Track(InMemoryPresence from, PresenceScope scope, PresenceConnection connection)
    {
        lock (_gate)
        {
            Reach(from);
            (_scopesOf.TryGetValue(connection.InstanceId, out var owned) ? owned : _scopesOf[connection.InstanceId] = []).Add(scope);
            var state = _scopes.TryGetValue(scope, out var s) ? s : _scopes[scope] = new ScopeState();
            if (state.Connections.TryGetValue(connection.ConnectionId, out var existing))
            {
                state.Connections[connection.ConnectionId] = existing with { InstanceId = connection.InstanceId };
                if (!existing.Metadata.Span.SequenceEqual(connection.Metadata.Span))
                {
                    Update(scope, state, connection.ConnectionId, connection.Metadata, connection.Updated);
                }

                return;
            }

            state.Connections[connection.ConnectionId] = connection;
            if (state.Members.TryGetValue(connection.MemberKey, out var member))
            {
                member.Count++;
                if (!member.Metadata.Span.SequenceEqual(connection.Metadata.Span))
                {
                    member.Metadata = connection.Metadata;
                    Announce(PresenceEventKind.Update, scope, connection, member, connection.Updated);
                }
            }
            else
            {
                member = state.Members[connection.MemberKey] = new MemberState { Count = 1, Since = connection.Since, Metadata = connection.Metadata };
                Announce(PresenceEventKind.Join, scope, connection, member, connection.Since);
            }
        }
    }

    internal bool Update(InMemoryPresence from, PresenceScope scope, string connectionId, ReadOnlyMemory<byte> metadata, DateTimeOffset at)
    {
        lock (_gate)
        {
            Reach(from);
            return _scopes.TryGetValue(scope, out var state) && Update(scope, state, connectionId, metadata, at);
        }
    }

    internal void Untrack(InMemoryPresence from, PresenceScope scope, string connectionId, DateTimeOffset at)
    {
        lock (_gate)
        {
            Reach(from);
            if (_scopes.TryGetValue(scope, out var state))
            {
                Remove(scope, state, connectionId, at);
            }
        }
    }

    internal IReadOnlyList<PresenceConnection> List(InMemoryPresence from, PresenceScope scope)
    {
        lock (_gate)
        {
            Reach(from);
            return _scopes.TryGetValue(scope, out var state) ? [.. state.Connections.Values] : [];
        }
    }

    internal PresenceCount Count(InMemoryPresence from, PresenceScope scope)
    {
        lock (_gate)
        {
            Reach(from);
            return _scopes.TryGetValue(scope, out var state) ? new PresenceCount(state.Members.Count, state.Connections.Count) : default;
        }
    }

    internal bool Beat(InMemoryPresence from, string instanceId, DateTimeOffset until, DateTimeOffset now)
    {
        lock (_gate)
        {
            Reach(from);
            var kept = _liveUntil.TryGetValue(instanceId, out var previous) && previous > now;
            _liveUntil[instanceId] = until;
            return kept;
        }
    }

    internal IReadOnlyList<string> FindExpired(InMemoryPresence from, string self, DateTimeOffset now)
    {
        lock (_gate)
        {
            Reach(from);
            return _liveUntil.Where(l => l.Value <= now && l.Key != self).Select(l => l.Key)
                .Concat(_scopesOf.Keys.Where(owner => owner != self && !_liveUntil.ContainsKey(owner)))
                .Distinct(StringComparer.Ordinal).ToList();
        }
    }

    internal int Evict(InMemoryPresence from, string instanceId, DateTimeOffset at)
    {
        lock (_gate)
        {
            Reach(from);
            var owned = _scopesOf.Remove(instanceId, out var scopes) ? scopes : [];
            foreach (var scope in owned)
            {
                if (_scopes.TryGetValue(scope, out var state))
                {
                    foreach (var connection in state.Connections.Values.Where(c => c.InstanceId == instanceId).ToList())
                    {
                        Remove(scope, state, connection.ConnectionId, at);
                    }
                }
            }

            _liveUntil.Remove(instanceId);
            return owned.Count;
        }
    }

    internal void ForgetScopeOf(InMemoryPresence from, string instanceId, PresenceScope scope)
    {
        lock (_gate)
        {
            Reach(from);
            if (_scopesOf.TryGetValue(instanceId, out var owned) && owned.Remove(scope) && owned.Count == 0)
            {
                _scopesOf.Remove(instanceId);
            }
        }
    }

    /// <summary>The scopes recorded for <paramref name="instanceId"/> (for its eviction).</summary>
    internal IReadOnlyList<PresenceScope> ScopesOf(string instanceId)
    {
        lock (_gate)
        {
            return _scopesOf.TryGetValue(instanceId, out var owned) ? [.. owned] : [];
        }
    }

    internal void End(InMemoryPresence from, string instanceId)
    {
        lock (_gate)
        {
            Reach(from);
            _liveUntil.Remove(instanceId);
            _scopesOf.Remove(instanceId);
        }
    }

    internal void Watch(InMemoryPresence watcher, PresenceScope scope, bool on)
    {
        lock (_gate)
        {
            Reach(watcher);
            var list = _watchers.TryGetValue(scope, out var l) ? l : _watchers[scope] = [];
            if (on)
            {
                list.Add(watcher);
            }
            else
            {
                list.Remove(watcher);
            }
        }
    }

    internal void Leave(InMemoryPresence watcher)
    {
        lock (_gate)
        {
            foreach (var list in _watchers.Values)
            {
                list.Remove(watcher);
            }
        }
    }

    /// <summary>Forgets every scope and every instance's liveness, as a Redis restarted without persistence.</summary>
    internal void Forget()
    {
        lock (_gate)
        {
            _scopes.Clear();
            _liveUntil.Clear();
            _scopesOf.Clear();
        }
    }

    /// <summary>Forgets one scope's connections and members, every liveness kept, as a cluster node restarted without its data.</summary>
    internal void Forget(PresenceScope scope)
    {
        lock (_gate)
        {
            _scopes.Remove(scope);
        }
    }

    /// <summary>Cuts <paramref name="tracker"/> off, as a process killed without a goodbye: every call of it fails from now on.</summary>
    internal void Cut(InMemoryPresence tracker)
    {
        lock (_gate)
        {
            _cut.Add(tracker);
        }

        Leave(tracker);
    }

    private void Reach(InMemoryPresence from)
    {
        if (_cut.Contains(from))
        {
            throw new InvalidOperationException("The presence tracker is cut off from its in-memory network.");
        }
    }

    private bool Update(PresenceScope scope, ScopeState state, string connectionId, ReadOnlyMemory<byte> metadata, DateTimeOffset at)
    {
        if (!state.Connections.TryGetValue(connectionId, out var connection))
        {
            return false;
        }

        connection = state.Connections[connectionId] = connection with { Metadata = metadata, Updated = at };
        var member = state.Members[connection.MemberKey];
        if (!member.Metadata.Span.SequenceEqual(metadata.Span))
        {
            member.Metadata = metadata;
            Announce(PresenceEventKind.Update, scope, connection, member, at);
        }

        return true;
    }

    private void Remove(PresenceScope scope, ScopeState state, string connectionId, DateTimeOffset at)
    {
        if (!state.Connections.Remove(connectionId, out var connection))
        {
            return;
        }

        var member = state.Members[connection.MemberKey];
        if (--member.Count == 0)
        {
            state.Members.Remove(connection.MemberKey);
            Announce(PresenceEventKind.Leave, scope, connection, member, at);
        }
        else if (member.Metadata.Span.SequenceEqual(connection.Metadata.Span))
        {
            // The member showed what the leaving connection set: it shows its remaining connection's set last.
            var latest = state.Connections.Values.Where(c => c.MemberKey == connection.MemberKey).MaxBy(c => c.Updated)!;
            if (!latest.Metadata.Span.SequenceEqual(member.Metadata.Span))
            {
                member.Metadata = latest.Metadata;
                Announce(PresenceEventKind.Update, scope, connection, member, at);
            }
        }

        if (state.Connections.Count == 0)
        {
            _scopes.Remove(scope);
        }
    }

    private void Announce(PresenceEventKind kind, PresenceScope scope, PresenceConnection connection, MemberState member, DateTimeOffset at)
    {
        if (!_watchers.TryGetValue(scope, out var watchers) || watchers.Count == 0)
        {
            return;
        }

        var presenceEvent = new PresenceEvent
        {
            Kind = kind,
            Scope = scope,
            MemberKey = connection.MemberKey,
            UserId = connection.UserId,
            ConnectionId = connection.ConnectionId,
            Metadata = member.Metadata,
            Since = member.Since,
            Timestamp = at,
        };
        foreach (var watcher in watchers)
        {
            watcher.Enqueue(presenceEvent);
        }
    }

    private sealed class ScopeState
    {
        public Dictionary<string, PresenceConnection> Connections { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MemberState> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed class MemberState
    {
        public int Count { get; set; }

        public DateTimeOffset Since { get; init; }

        public ReadOnlyMemory<byte> Metadata { get; set; }
    }
}
