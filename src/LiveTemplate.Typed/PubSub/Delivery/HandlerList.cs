namespace LiveTemplate.Typed.PubSub.Delivery;

/// <summary>A copy-on-write list of handlers: registration is rare, iteration on every message is lock-free.</summary>
internal sealed class HandlerList<T>
{
    private readonly object _gate = new();
    private Func<T, ValueTask>[] _handlers = [];

    public Func<T, ValueTask>[] Current => Volatile.Read(ref _handlers);

    /// <summary>Adds a handler; returns true when it is the first.</summary>
    public bool Add(Func<T, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            var next = new Func<T, ValueTask>[_handlers.Length + 1];
            _handlers.CopyTo(next, 0);
            next[^1] = handler;
            Volatile.Write(ref _handlers, next);
            return next.Length == 1;
        }
    }
}
