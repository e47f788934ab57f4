using System.Collections.Concurrent;

namespace LiveTemplate.Typed.Connections;

/// <summary>
/// The connections of one group or user: changed under a lock, read as a cached snapshot without one. A set
/// that empties is retired, so that it can leave its index without losing a connection added at the same moment.
/// </summary>
internal sealed class ConnectionSet
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LocalConnection> _byId = new(StringComparer.Ordinal);
    private LocalConnection[]? _snapshot = [];
    private bool _retired;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Adds the connection; false when the id is taken or the set is retired.</summary>
    public bool TryAdd(LocalConnection connection)
    {
        lock (_gate)
        {
            if (_retired || !_byId.TryAdd(connection.Id, connection))
            {
                return false;
            }

            _snapshot = null;
            return true;
        }
    }

    /// <summary>
    /// Removes the connection; false when it was not there. <paramref name="retired"/> tells whether that emptied the
    /// set and <paramref name="retireWhenEmpty"/> retired it.
    /// </summary>
    public bool Remove(LocalConnection connection, bool retireWhenEmpty, out bool retired)
    {
        lock (_gate)
        {
            var removed = _byId.TryGetValue(connection.Id, out var current) && ReferenceEquals(current, connection) && _byId.Remove(connection.Id);
            if (removed)
            {
                _snapshot = null;
            }

            _retired = retired = retireWhenEmpty && _byId.Count == 0;
            return removed;
        }
    }

    public LocalConnection? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public LocalConnection[] Snapshot()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            return snapshot;
        }

        lock (_gate)
        {
            return _snapshot ??= [.. _byId.Values];
        }
    }

    /// <summary>Adds <paramref name="connection"/> to the set of <paramref name="key"/> in <paramref name="index"/>, creating it (or replacing a retired one).</summary>
    public static void AddTo<TKey>(ConcurrentDictionary<TKey, ConnectionSet> index, TKey key, LocalConnection connection)
        where TKey : notnull
    {
        while (true)
        {
            var set = index.GetOrAdd(key, static _ => new ConnectionSet());
            if (set.TryAdd(connection))
            {
                return;
            }

            // The set emptied and was retired by a concurrent removal: replace it and try again.
            index.TryUpdate(key, new ConnectionSet(), set);
        }
    }

    /// <summary>Removes <paramref name="connection"/> from the set of <paramref name="key"/>; a set that empties leaves the index.</summary>
    public static void RemoveFrom<TKey>(ConcurrentDictionary<TKey, ConnectionSet> index, TKey key, LocalConnection connection)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var set) && set.Remove(connection, retireWhenEmpty: true, out var retired) && retired)
        {
            index.TryRemove(new KeyValuePair<TKey, ConnectionSet>(key, set));
        }
    }
}
