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
}
