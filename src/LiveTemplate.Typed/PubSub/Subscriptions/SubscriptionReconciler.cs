using System.Threading.Channels;
using LiveTemplate.Typed.PubSub.History;
using LiveTemplate.Typed.PubSub.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub.Subscriptions;

/// <summary>
/// Makes the transport carry exactly the channels the table wants, in one loop with one capped backoff: it applies
/// the table's changes in batches, and after the transport was lost it audits what the transport carries (the
/// channels it lost are subscribed again; those released while it was away and revived by the client are unsubscribed
/// again). Every failure is retried until the broadcaster is disposed; no lock is held across a transport call, and
/// every wait ends when the broadcaster is disposed.
/// </summary>
internal sealed class SubscriptionReconciler
{
    private const int BatchSize = 1024;

    // Released channels remembered while the transport is away; beyond this many the oldest are forgotten.
    private const int MaxRememberedReleases = 100_000;

    // The "error" of a pass that could not audit because the transport is away: retried on the backoff, not logged.
    private static readonly Exception TransportAway = new BroadcasterException("The transport is away.");

    private readonly SubscriptionTable _table;
    private readonly IChannelTransport _transport;
    private readonly BroadcasterOptions _options;
    private readonly BroadcasterMetrics _metrics;
    private readonly ILogger _logger;
    private readonly StreamTracker _history;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _gate = new();
    private readonly Dictionary<string, ChannelSubscription> _releasedWhileAway = new(StringComparer.Ordinal);
    private bool _lost;
    private bool _neverCarried;
    private bool _auditRequested;
    private long _requests;
    private Task? _loop;

    public SubscriptionReconciler(SubscriptionTable table, IChannelTransport transport, BroadcasterOptions options, BroadcasterMetrics metrics, ILogger logger, StreamTracker history)
    {
        _history = history;
        _table = table;
        _transport = transport;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>True from the moment the transport was lost until an audit found every wanted channel carried again.</summary>
    public bool IsRestoring
    {
        get
        {
            lock (_gate)
            {
                return _lost;
            }
        }
    }

    /// <summary>The channels let go of while the transport was away, not yet released again (for disposal).</summary>
    public IReadOnlyList<ChannelSubscription> ReleasedWhileAway()
    {
        lock (_gate)
        {
            return [.. _releasedWhileAway.Values];
        }
    }

    /// <summary>Wakes the loop: the table has work (called by the table, under its lock).</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>The transport dropped its subscriptions (or may have): audit it once it answers, and report the reconnect.</summary>
    public void TransportLost()
    {
        _history.TransportLost();
        lock (_gate)
        {
            _lost = true;
            _auditRequested = true;
            _requests++;
        }

        Signal();
    }

    /// <summary>
    /// The transport has not connected yet (the broadcaster was made while it was away): audit it once it answers, as
    /// after a loss, but its first connection is no reconnect (neither counted nor logged as one), whatever failures
    /// it reports before it.
    /// </summary>
    public void TransportNotYetConnected()
    {
        lock (_gate)
        {
            _neverCarried = true;
        }

        TransportLost();
    }

    /// <summary>The transport says it is back (or moved): audit what it carries.</summary>
    public void TransportRestored()
    {
        _history.TransportLost(); // the channels may have moved: no stream is known to be unbroken
        lock (_gate)
        {
            _auditRequested = true;
            _requests++;
        }

        Signal();
    }

    /// <summary>Starts the loop; it ends when <paramref name="ct"/> is cancelled.</summary>
    public void Start(CancellationToken ct) => _loop ??= Task.Run(() => RunAsync(ct));

    /// <summary>Waits for the loop to end (after cancellation), without throwing.</summary>
    public Task StoppedAsync() => _loop is { } loop ? loop.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default) : Task.CompletedTask;

    private async Task RunAsync(CancellationToken ct)
    {
        var attempt = 0;
        try
        {
            while (await _signal.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                var (failed, error) = await PassAsync(ct).ConfigureAwait(false);
                if (error is null)
                {
                    attempt = 0;
                    continue;
                }

                var delay = Backoff.Delay(_options.ReconnectDelay, _options.MaxReconnectDelay, attempt++);
                if (failed > 0)
                {
                    BroadcasterLog.SubscriptionRetry(_logger, error, failed, delay);
                }
                else if (!ReferenceEquals(error, TransportAway))
                {
                    BroadcasterLog.RestoreFailed(_logger, error, delay);
                }

                // New work (a connection that leaves, the transport back) ends the wait early: it must not wait for the backoff.
                await WaitForSignalAsync(delay, ct).ConfigureAwait(false);
                Signal();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForSignalAsync(TimeSpan delay, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(delay);
        try
        {
            await _signal.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One pass: the table's changes, then the audit when one is due (what the transport lost is subscribed again; what
    /// was released while it was away is released again), then a check that nothing wanted is still missing. Returns
    /// how many changes failed and the first error.
    /// </summary>
    private async Task<(int Failed, Exception? Error)> PassAsync(CancellationToken ct)
    {
        bool auditing, wasLost;
        long requests;
        lock (_gate)
        {
            auditing = _auditRequested;
            wasLost = _lost;
            requests = _requests;
        }

        // The table's changes first: an audit waits for a transport that may not answer, and a connection that leaves
        // during an outage must not wait for it.
        var (failed, error) = await ApplyChangesAsync(ct).ConfigureAwait(false);
        var resubscribed = 0;
        var released = ReleasedWhileAway();
        if (auditing && !_transport.IsReachable)
        {
            // Away: nothing to audit yet. The transport says when it is back; until then retry on the backoff.
            return (failed, error ?? TransportAway);
        }

        if (auditing)
        {
            try
            {
                var lost = await FindLostAsync(ct).ConfigureAwait(false);
                resubscribed = _table.MarkLost(lost);
                var notWanted = released.Where(s => !_table.IsWanted(s.Channel)).ToList();
                await _transport.ReleaseAgainAsync(notWanted, ct).WaitAsync(_options.RestoreTimeout, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return (failed, error ?? ex);
            }

            if (resubscribed > 0)
            {
                var (refreshFailed, refreshError) = await ApplyChangesAsync(ct).ConfigureAwait(false);
                failed += refreshFailed;
                error ??= refreshError;
            }
        }

        if (failed > 0 || !auditing)
        {
            return (failed, error);
        }

        try
        {
            var stillLost = await FindLostAsync(ct).ConfigureAwait(false);
            if (stillLost.Count > 0)
            {
                _table.MarkLost(stillLost);
                return (0, new BroadcasterException($"After the reconnect {stillLost.Count} channel(s) are still not subscribed."));
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return (0, ex);
        }

        CompleteAudit(wasLost, requests, resubscribed, released);
        return (0, null);
    }

    private Task<IReadOnlyList<ChannelSubscription>> FindLostAsync(CancellationToken ct)
        => _transport.FindLostAsync(_table.Confirmed(), ct).WaitAsync(_options.RestoreTimeout, ct);

    /// <summary>The transport carries what is wanted; unless it was lost or moved again meanwhile (a later pass sees to that), the outage is over.</summary>
    private void CompleteAudit(bool wasLost, long requestsAtStart, int resubscribed, IReadOnlyList<ChannelSubscription> releasedAgain)
    {
        bool firstConnection;
        lock (_gate)
        {
            foreach (var subscription in releasedAgain)
            {
                _releasedWhileAway.Remove(subscription.Channel);
            }

            if (_requests != requestsAtStart)
            {
                return;
            }

            _auditRequested = false;
            _lost = false;
            firstConnection = wasLost && _neverCarried;
            _neverCarried &= !firstConnection;
        }

        // What each stream gained while the transport was away, read and delivered before what arrives live next.
        _ = _history.CatchUpAsync(_table.Confirmed());
        if (firstConnection)
        {
            BroadcasterLog.FirstConnected(_logger, _table.Confirmed().Count(s => s.Kind != ChannelKind.GlobalBroadcast));
        }
        else if (wasLost)
        {
            _metrics.Reconnected();
            var dynamicChannels = _table.Confirmed().Count(s => s.Kind != ChannelKind.GlobalBroadcast);
            BroadcasterLog.Reconnected(_logger, dynamicChannels, resubscribed, releasedAgain.Count);
        }
    }

    private async Task<(int Failed, Exception? Error)> ApplyChangesAsync(CancellationToken ct)
    {
        var dirty = _table.TakeDirty();
        int failed = 0, subscribed = 0, unsubscribed = 0;
        Exception? firstError = null;
        for (var start = 0; start < dirty.Count; start += BatchSize)
        {
            var batch = dirty.GetRange(start, Math.Min(BatchSize, dirty.Count - start));
            foreach (var (change, error) in await Task.WhenAll(batch.Select(entry => ApplyAsync(entry, ct))).ConfigureAwait(false))
            {
                if (error is not null)
                {
                    failed++;
                    firstError ??= error;
                }
                else if (change is { } done)
                {
                    _ = done.Subscribe ? subscribed++ : unsubscribed++;
                }
            }
        }

        if (subscribed + unsubscribed > 0)
        {
            BroadcasterLog.SubscriptionsChanged(_logger, subscribed, unsubscribed);
        }

        return (failed, firstError);
    }

    private async Task<(TransportChange? Change, Exception? Error)> ApplyAsync(ChannelSubscription entry, CancellationToken ct)
    {
        if (_table.Plan(entry) is not { } change)
        {
            return (null, null);
        }

        // StackExchange.Redis reports the loss (ConnectionFailed) after it stopped being connected: a release in between
        // completes at once without reaching Redis, and the client subscribes the channel again when it reconnects. So
        // a change made while the transport says it is unreachable counts as made while away, reported or not.
        var reachableBefore = _transport.IsReachable;
        try
        {
            if (change.Subscribe && _history.Tracks(entry.Kind))
            {
                await _history.PrepareAsync(entry, ct).WaitAsync(_options.RestoreTimeout, ct).ConfigureAwait(false);
            }

            var operation = change.Subscribe
                ? _transport.SubscribeAsync(entry, change.Refresh, ct)
                : _transport.UnsubscribeAsync(entry, ct);

            // A transport call that hangs (Redis away, the client waiting for its own timeout) must not hold up disposal.
            await operation.WaitAsync(ct).ConfigureAwait(false);
            if (!change.Subscribe)
            {
                _history.Forget(entry);
            }
            _table.Complete(entry, change, succeeded: true);
            RememberIfAway(entry, change, reachableBefore);
            return (change, null);
        }
        catch (Exception ex)
        {
            _table.Complete(entry, change, succeeded: false);
            RememberIfAway(entry, change, reachableBefore);
            return (change, ex);
        }
    }

    /// <summary>A channel let go of while the transport is away may be revived by the client when it comes back.</summary>
    private void RememberIfAway(ChannelSubscription entry, TransportChange change, bool reachableBefore)
    {
        var away = !reachableBefore || !_transport.IsReachable;
        lock (_gate)
        {
            if ((_lost || away) && _releasedWhileAway.Count < MaxRememberedReleases && (!change.Subscribe || !entry.TransportActive))
            {
                _releasedWhileAway[entry.Channel] = entry;
            }
        }
    }
}
