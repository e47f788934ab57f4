using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.Presence;

/// <summary>The handlers watching each scope on this instance; a handler that throws is logged and the others still run.</summary>
internal sealed class PresenceWatchers(ILogger logger)
{
    private readonly Dictionary<PresenceScope, Func<PresenceEvent, ValueTask>[]> _byScope = [];

    /// <summary>Adds a handler; true when it is the scope's first.</summary>
    public bool Add(PresenceScope scope, Func<PresenceEvent, ValueTask> handler)
    {
        lock (_byScope)
        {
            var first = !_byScope.TryGetValue(scope, out var handlers);
            _byScope[scope] = [.. handlers ?? [], handler];
            return first;
        }
    }

    /// <summary>Removes a handler; true when it was the scope's last.</summary>
    public bool Remove(PresenceScope scope, Func<PresenceEvent, ValueTask> handler)
    {
        lock (_byScope)
        {
            if (!_byScope.TryGetValue(scope, out var handlers))
            {
                return false;
            }

            var left = handlers.Where(h => h != handler).ToArray();
            if (left.Length > 0)
            {
                _byScope[scope] = left;
                return false;
            }

            _byScope.Remove(scope);
            return true;
        }
    }

    /// <summary>The scopes watched now.</summary>
    public IReadOnlyList<PresenceScope> Scopes()
    {
        lock (_byScope)
        {
            return [.. _byScope.Keys];
        }
    }

    public async ValueTask DeliverAsync(PresenceEvent presenceEvent)
    {
        Func<PresenceEvent, ValueTask>[]? handlers;
        lock (_byScope)
        {
            _byScope.TryGetValue(presenceEvent.Scope, out handlers);
        }

        foreach (var handler in handlers ?? [])
        {
            try
            {
                await handler(presenceEvent).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                PresenceLog.HandlerFailed(logger, ex, presenceEvent.Scope.Key, presenceEvent.Kind.ToString());
            }
        }
    }
}
