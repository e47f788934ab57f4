using System.Threading.Channels;
using LiveTemplate.Typed.AspNetCore.Hosting;
using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// A connection's presence, for its handler: track this connection in its group (and its user's scope) with typed
/// metadata, update it, list and count who is here on every instance, and watch the group's join, update and leave
/// events, which run in the connection's event loop and can be forwarded to the browser as frames. A connection only
/// ever tracks itself; it is untracked when it closes.
/// </summary>
public sealed class ConnectionPresence
{
    private readonly LiveConnection _live;
    private readonly ConnectionSession _session;
    private readonly PresenceSlot _tracker;
    private readonly PresencePolicy? _policy;
    private readonly int _maxMetadataBytes;
    private readonly int _queueCapacity;

    // Created when the connection first watches its group: most connections never do, and an idle one holds nothing.
    private Channel<PresenceEvent>? _events;
    private readonly object _gate = new();
    private readonly List<IAsyncDisposable> _watches = [];
    private Func<PresenceEvent, CancellationToken, ValueTask>? _handler;
    private bool _watching;
    private bool _toBrowser;
    private Task _pump = Task.CompletedTask;

    internal ConnectionPresence(LiveConnection live, ConnectionSession session, PresenceSlot tracker, PresencePolicy? policy, int maxMetadataBytes, int queueCapacity)
    {
        _live = live;
        _session = session;
        _tracker = tracker;
        _policy = policy;
        _maxMetadataBytes = maxMetadataBytes;
        _queueCapacity = queueCapacity;
    }

    /// <summary>The scope of the connection's group.</summary>
    public PresenceScope Group => PresenceScope.Of(_live.GroupId);

    /// <summary>True while this connection is tracked.</summary>
    public bool IsTracked => _tracker.Get().IsTracked(_live.Id);

    /// <summary>Tracks this connection in its group (and its user's scope) with <paramref name="metadata"/>; every instance's <see cref="ListAsync(CancellationToken)"/> shows it.</summary>
    public Task TrackAsync<TMetadata>(TMetadata metadata, CancellationToken cancellationToken = default)
        where TMetadata : IPresenceMetadata<TMetadata>
        => _tracker.Get().TrackAsync(_live.GroupId, _live.Id, _live.UserId, PresenceMetadata.ToJson(metadata), cancellationToken);

    /// <summary>Replaces this connection's metadata; the group's watchers get an update when the member's metadata changed.</summary>
    public Task UpdateAsync<TMetadata>(TMetadata metadata, CancellationToken cancellationToken = default)
        where TMetadata : IPresenceMetadata<TMetadata>
        => _tracker.Get().UpdateAsync(_live.Id, PresenceMetadata.ToJson(metadata), cancellationToken);

    /// <summary>Stops tracking this connection (it is also untracked when it closes); false when it was not tracked.</summary>
    public Task<bool> UntrackAsync(CancellationToken cancellationToken = default) => _tracker.Get().UntrackAsync(_live.Id, cancellationToken);

    /// <summary>Every member of the connection's group on every instance.</summary>
    public Task<IReadOnlyList<PresenceMember>> ListAsync(CancellationToken cancellationToken = default) => _tracker.Get().ListAsync(Group, cancellationToken);

    /// <summary>Every member of <paramref name="scope"/>, when the endpoint's policy lets this connection see it.</summary>
    /// <exception cref="UnauthorizedAccessException">The scope is neither the connection's group nor its user's, and the policy does not allow it.</exception>
    public Task<IReadOnlyList<PresenceMember>> ListAsync(PresenceScope scope, CancellationToken cancellationToken = default)
    {
        EnsureMayList(scope);
        return _tracker.Get().ListAsync(scope, cancellationToken);
    }

    /// <summary>How many members and connections the connection's group has, without listing them.</summary>
    public Task<PresenceCount> CountAsync(CancellationToken cancellationToken = default) => _tracker.Get().CountAsync(Group, cancellationToken);

    /// <summary>
    /// Watches the connection's group: <paramref name="handler"/> (when given) runs for each join, update and leave in the
    /// connection's event loop, in order, and with <paramref name="sendToBrowser"/> the browser gets each as a
    /// <c>presence</c> frame. Watching again replaces the handler.
    /// </summary>
    public Task WatchAsync(Func<PresenceEvent, CancellationToken, ValueTask>? handler, bool sendToBrowser = true, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _handler = handler ?? _handler;
            _toBrowser |= sendToBrowser;
        }

        return EnsureWatchingAsync(cancellationToken);
    }

    /// <summary>Runs a browser's presence frame; returns the error frame to answer with, or null.</summary>
    internal async ValueTask<ErrorFrame?> RunBrowserAsync(string op, ReadOnlyMemory<byte> data)
    {
        if (_policy is null)
        {
            return new ErrorFrame(LiveErrorCodes.NotAllowed, "Presence is not enabled on this endpoint.");
        }

        var ct = _session.Stopping;
        if (op is "track" or "update" or "untrack" && !_policy.BrowserMayTrack)
        {
            return new ErrorFrame(LiveErrorCodes.NotAllowed, "Browsers may not set their presence on this endpoint.");
        }

        switch (op)
        {
            case "track" or "update":
                if (CheckBrowserMetadata(data) is { } problem)
                {
                    return new ErrorFrame(LiveErrorCodes.InvalidPresence, problem);
                }

                if (IsTracked)
                {
                    await _tracker.Get().UpdateAsync(_live.Id, data, ct).ConfigureAwait(false);
                    return null;
                }

                if (op == "update")
                {
                    return new ErrorFrame(LiveErrorCodes.NotAllowed, "This connection is not tracked: send {\"presence\":\"track\",…} first.");
                }

                await _tracker.Get().TrackAsync(_live.GroupId, _live.Id, _live.UserId, data, ct).ConfigureAwait(false);
                await SendListToBrowserAsync(ct).ConfigureAwait(false);
                return null;
            case "untrack":
                await UntrackAsync(ct).ConfigureAwait(false);
                return null;
            case "list":
                await SendListToBrowserAsync(ct).ConfigureAwait(false);
                return null;
            default:
                return new ErrorFrame(LiveErrorCodes.MalformedFrame, $"Unknown presence operation '{op}': use track, update, untrack or list.");
        }
    }

    /// <summary>When the connection ends: untracks it (its leave is announced at once) and stops watching.</summary>
    internal async ValueTask EndAsync(CancellationToken ct)
    {
        List<IAsyncDisposable> watches;
        lock (_gate)
        {
            watches = [.. _watches];
            _watches.Clear();
            _watching = false;
        }

        foreach (var watch in watches)
        {
            await watch.DisposeAsync().ConfigureAwait(false);
        }

        lock (_gate)
        {
            _events?.Writer.TryComplete();
        }

        if (IsTrackedSafe())
        {
            await _tracker.Get().UntrackAsync(_live.Id, ct).ConfigureAwait(false);
        }

        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // A tracker that does not exist holds nothing: the connection's end neither makes it nor starts its heartbeat.
    private bool IsTrackedSafe()
    {
        try
        {
            return _tracker.Existing?.IsTracked(_live.Id) ?? false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private string? CheckBrowserMetadata(ReadOnlyMemory<byte> data)
    {
        if (data.Length > _maxMetadataBytes)
        {
            return $"Presence metadata holds at most {_maxMetadataBytes} bytes (was {data.Length}).";
        }

        return PresenceMetadataCheck(data) ?? _policy!.CheckMetadata(data.IsEmpty ? "{}"u8.ToArray() : data);
    }

    private static string? PresenceMetadataCheck(ReadOnlyMemory<byte> data)
        => data.IsEmpty || data.Span[0] == (byte)'{' ? null : "Presence metadata must be one JSON object.";

    private async Task SendListToBrowserAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _toBrowser = true;
        }

        await EnsureWatchingAsync(ct).ConfigureAwait(false);
        var members = await ListAsync(ct).ConfigureAwait(false);
        await _session.Sender.SendAsync((Group, members), PresenceFrames.WriteList, ct).ConfigureAwait(false);
    }

    private void EnsureMayList(PresenceScope scope)
    {
        if (!(_policy ?? DefaultPolicy).MayList(_live, scope))
        {
            throw new UnauthorizedAccessException($"Connection {_live.Id} may not see the presence of {scope}: only its own group and user, unless the endpoint's PresencePolicy.MayListOther allows it.");
        }
    }

    private static readonly PresencePolicy DefaultPolicy = new(static _ => null);

    private async Task EnsureWatchingAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_watching)
            {
                return;
            }

            _watching = true;
            _events = Channel.CreateBounded<PresenceEvent>(new BoundedChannelOptions(_queueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            _pump = PumpAsync(_events.Reader);
        }

        var watch = await _tracker.Get().WatchAsync(Group, QueueAsync, ct).ConfigureAwait(false);
        lock (_gate)
        {
            _watches.Add(watch);
        }
    }

    /// <summary>
    /// Queues an event for this connection; waits while its queue is full (a browser that far behind is aborted by
    /// the send timeout), so no event is lost while the connection lives.
    /// </summary>
    private async ValueTask QueueAsync(PresenceEvent change)
    {
        try
        {
            await _events!.Writer.WriteAsync(change, _session.Stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The connection is closing: nothing more reaches it.
        }
    }

    /// <summary>Moves the group's events into the connection's event loop, one at a time, in order.</summary>
    private async Task PumpAsync(ChannelReader<PresenceEvent> events)
    {
        try
        {
            await foreach (var change in events.ReadAllAsync(_session.Stopping).ConfigureAwait(false))
            {
                await _session.PostAsync(InboxItem.Run(ct => DeliverAsync(change, ct))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async ValueTask DeliverAsync(PresenceEvent change, CancellationToken ct)
    {
        Func<PresenceEvent, CancellationToken, ValueTask>? handler;
        bool toBrowser;
        lock (_gate)
        {
            handler = _handler;
            toBrowser = _toBrowser;
        }

        if (handler is not null)
        {
            await handler(change, ct).ConfigureAwait(false);
        }

        if (toBrowser)
        {
            await _session.Sender.SendAsync(change, PresenceFrames.WriteEvent, ct).ConfigureAwait(false);
        }
    }
}
