using System.Collections.Concurrent;

namespace LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

/// <summary>What the handlers of one app did: actions run (by connection), and how many ran at once per connection.</summary>
public sealed class HandlerProbe
{
    private readonly ConcurrentDictionary<string, int> _running = new();

    public ConcurrentQueue<(string ConnectionId, string Action)> Ran { get; } = new();

    public int MaxConcurrentPerConnection { get; private set; }

    public ConcurrentQueue<string> Disconnected { get; } = new();

    /// <summary>Connections whose handler was disposed.</summary>
    public ConcurrentQueue<string> Disposed { get; } = new();

    /// <summary>Connections whose waiting action (<see cref="Hang"/>) saw its cancellation token cancelled.</summary>
    public ConcurrentQueue<string> Cancelled { get; } = new();

    /// <summary>Set when the <c>/gated</c> endpoint's ResolveGroup is entered: it then waits for <see cref="ResolveGate"/>.</summary>
    public TaskCompletionSource Resolving { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the <c>/gated</c> endpoint's ResolveGroup (at most 30 s) until a test sets it.</summary>
    public ManualResetEventSlim ResolveGate { get; } = new(false);

    public IDisposable Enter(string connectionId, string action)
    {
        Ran.Enqueue((connectionId, action));
        var now = _running.AddOrUpdate(connectionId, 1, static (_, n) => n + 1);
        lock (this)
        {
            MaxConcurrentPerConnection = Math.Max(MaxConcurrentPerConnection, now);
        }

        return new Exit(() => _running.AddOrUpdate(connectionId, 0, static (_, n) => n - 1));
    }

    private sealed class Exit(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
