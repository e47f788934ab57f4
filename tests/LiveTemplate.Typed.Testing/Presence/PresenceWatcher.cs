using System.Threading.Channels;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Testing.Presence;

/// <summary>The events one instance receives for one scope, in order, read with a bounded wait.</summary>
public sealed class PresenceWatcher : IAsyncDisposable
{
    private readonly Channel<PresenceEvent> _events = Channel.CreateUnbounded<PresenceEvent>();
    private IAsyncDisposable? _watch;

    private PresenceWatcher()
    {
    }

    /// <summary>Starts watching <paramref name="scope"/> on <paramref name="tracker"/>.</summary>
    public static async Task<PresenceWatcher> StartAsync(IPresence tracker, PresenceScope scope)
    {
        var watcher = new PresenceWatcher();
        watcher._watch = await tracker.WatchAsync(scope, e => { watcher._events.Writer.TryWrite(e); return ValueTask.CompletedTask; }).ConfigureAwait(false);
        return watcher;
    }

    /// <summary>The next event, failing after <paramref name="timeout"/>.</summary>
    public Task<PresenceEvent> NextAsync(TimeSpan? timeout = null, string? what = null) => _events.Reader.NextAsync(timeout, what);

    /// <summary>
    /// Asserts that the next event is the join of <paramref name="marker"/>'s member (tracked by the caller after
    /// everything it checks): events of a scope are in one order, so nothing else was queued before it.
    /// </summary>
    public async Task ExpectNextJoinOfAsync(string markerConnection)
    {
        var next = await NextAsync(what: "the marker's join").ConfigureAwait(false);
        Xunit.Assert.True(next is { Kind: PresenceEventKind.Join } && next.ConnectionId == markerConnection, $"Expected the marker's join, got {next.Kind} of {next.MemberKey} ({next.ConnectionId}).");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _watch?.DisposeAsync() ?? ValueTask.CompletedTask;
}
