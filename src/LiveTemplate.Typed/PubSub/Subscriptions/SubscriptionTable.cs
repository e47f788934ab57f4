using System.Collections.Concurrent;

namespace LiveTemplate.Typed.PubSub.Subscriptions;

/// <summary>
/// The channels a broadcaster wants, reference-counted, and the work needed to make the transport match.
/// Callers change counts under a short lock and never wait on the transport while holding it; a single
/// reconciler takes the changed ("dirty") channels in batches and completes their waiters once the transport
/// has confirmed. Ten subscribes to one channel therefore reach the transport once.
/// </summary>
/// <param name="names">The channel names.</param>
/// <param name="ownerName">The broadcaster's type name, for the error once it is disposed.</param>
/// <param name="workArrived">Called (under the table's lock: it must only signal) whenever a channel needs transport work.</param>
internal sealed class SubscriptionTable(ChannelNames names, string ownerName, Action workArrived)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ChannelSubscription> _byChannel = new(StringComparer.Ordinal);

    // The channels with at least one reference, readable without the lock: every publish asks (IsWanted).
    // Changed only under the lock, together with the reference counts.
    private readonly ConcurrentDictionary<string, ChannelSubscription> _wanted = new(StringComparer.Ordinal);

    // The wanted topic patterns (a subset of _wanted), so that a publish to a topic can tell whether one matches.
    private readonly ConcurrentDictionary<string, ChannelSubscription> _wantedPatterns = new(StringComparer.Ordinal);
    private int _patternCount;
    private List<ChannelSubscription> _dirty = [];
    private int _active;
    private Exception? _closedBecause;

    /// <summary>Channels with at least one reference (global included).</summary>
    public int ActiveCount => Volatile.Read(ref _active);

    /// <summary>Takes a reference on the channel; the task completes when the transport has confirmed the subscription.</summary>
    public Task AcquireAsync(ChannelKind kind, string? scopeId)
    {
        var channel = scopeId is null ? names.Global : names.For(kind, scopeId);
        Task settled;
        lock (_gate)
        {
            ThrowIfClosed();
            if (!_byChannel.TryGetValue(channel, out var entry))
            {
                entry = new ChannelSubscription(channel, kind, scopeId);
                _byChannel.Add(channel, entry);
            }

            if (++entry.RefCount == 1)
            {
                _active++;
                _wanted[channel] = entry;
                if (entry.IsPattern)
                {
                    _wantedPatterns[channel] = entry;
                    _patternCount++;
                }
            }

            if (entry.IsSettled)
            {
                return Task.CompletedTask;
            }

            settled = WaitLocked(entry);
            MarkDirtyLocked(entry);
        }

        return settled;
    }

    /// <summary>Releases a reference; the last one unsubscribes. The task completes when the transport has done so.</summary>
    public Task ReleaseAsync(ChannelKind kind, string scopeId)
    {
        var channel = names.For(kind, scopeId);
        Task settled;
        lock (_gate)
        {
            if (_closedBecause is not null || !_byChannel.TryGetValue(channel, out var entry) || entry.RefCount == 0)
            {
                return Task.CompletedTask;
            }

            if (--entry.RefCount > 0)
            {
                return Task.CompletedTask;
            }

            _active--;
            _wanted.TryRemove(channel, out _);
            if (entry.IsPattern && _wantedPatterns.TryRemove(channel, out _))
            {
                _patternCount--;
            }

            settled = WaitLocked(entry);
            MarkDirtyLocked(entry);
        }

        return settled;
    }

    /// <summary>
    /// True when the channel has at least one reference, or is a topic's channel that a wanted pattern matches: this
    /// instance has an interest in its messages.
    /// </summary>
    public bool IsWanted(string channel)
        => _wanted.ContainsKey(channel) || (Volatile.Read(ref _patternCount) > 0 && names.TopicOf(channel) is { } topic && MatchesWantedPattern(topic));

    /// <summary>Pattern subscriptions with at least one reference.</summary>
    public int PatternCount => Volatile.Read(ref _patternCount);

    private bool MatchesWantedPattern(string topic)
    {
        foreach (var pattern in _wantedPatterns.Values)
        {
            if (TopicText.Matches(pattern.ScopeId!, topic))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The channels wanted and confirmed by the transport right now.</summary>
    public List<ChannelSubscription> Confirmed()
    {
        lock (_gate)
        {
            return _byChannel.Values.Where(e => e.RefCount > 0 && e.TransportActive).ToList();
        }
    }

    /// <summary>Marks these channels to be subscribed again from scratch (the transport lost them); returns how many were.</summary>
    public int MarkLost(IReadOnlyCollection<ChannelSubscription> entries)
    {
        var marked = 0;
        lock (_gate)
        {
            if (_closedBecause is not null)
            {
                return 0;
            }

            foreach (var entry in entries)
            {
                if (entry.RefCount > 0 && entry.TransportActive)
                {
                    entry.NeedsRefresh = true;
                    MarkDirtyLocked(entry);
                    marked++;
                }
            }
        }

        return marked;
    }

    /// <summary>Takes every channel that needs transport work, with what to do for each.</summary>
    public List<ChannelSubscription> TakeDirty()
    {
        lock (_gate)
        {
            var taken = _dirty;
            _dirty = [];
            foreach (var entry in taken)
            {
                entry.IsDirty = false;
            }

            return taken;
        }
    }

    /// <summary>What the transport must do for <paramref name="entry"/> now, or null when nothing.</summary>
    public TransportChange? Plan(ChannelSubscription entry)
    {
        lock (_gate)
        {
            var wanted = entry.RefCount > 0;
            if (wanted == entry.TransportActive && !entry.NeedsRefresh)
            {
                SettleLocked(entry);
                return null;
            }

            var change = new TransportChange(wanted, Refresh: wanted && entry.NeedsRefresh && entry.TransportActive);
            entry.NeedsRefresh = false;
            return change;
        }
    }

    /// <summary>Records the transport's answer to <paramref name="change"/>: done, or failed (retried later).</summary>
    public void Complete(ChannelSubscription entry, TransportChange change, bool succeeded)
    {
        lock (_gate)
        {
            if (succeeded)
            {
                entry.TransportActive = change.Subscribe;
            }
            else if (change.Subscribe)
            {
                // A failed subscribe leaves the transport without the channel (the transport cleans up).
                entry.TransportActive = false;
            }

            if (_closedBecause is not null)
            {
                return;
            }

            if (entry.IsSettled)
            {
                SettleLocked(entry);
            }
            else
            {
                MarkDirtyLocked(entry);
            }
        }
    }

    /// <summary>Stops all work; waiters fail with <paramref name="reason"/>. Returns the channels the transport still has.</summary>
    public List<ChannelSubscription> Close(Exception reason)
    {
        List<TaskCompletionSource> waiters = [];
        List<ChannelSubscription> active;
        lock (_gate)
        {
            if (_closedBecause is not null)
            {
                return [];
            }

            _closedBecause = reason;
            active = _byChannel.Values.Where(e => e.TransportActive).ToList();
            foreach (var entry in _byChannel.Values)
            {
                if (entry.Settled is { } tcs)
                {
                    waiters.Add(tcs);
                    entry.Settled = null;
                }
            }

            _byChannel.Clear();
            _wanted.Clear();
            _wantedPatterns.Clear();
            _patternCount = 0;
            _dirty.Clear();
            _active = 0;
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(reason);
        }

        return active;
    }

    private Task WaitLocked(ChannelSubscription entry)
        => (entry.Settled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void MarkDirtyLocked(ChannelSubscription entry)
    {
        if (!entry.IsDirty)
        {
            entry.IsDirty = true;
            _dirty.Add(entry);
        }

        workArrived();
    }

    private void SettleLocked(ChannelSubscription entry)
    {
        if (entry.RefCount == 0 && !entry.TransportActive && _byChannel.TryGetValue(entry.Channel, out var current) && ReferenceEquals(current, entry))
        {
            _byChannel.Remove(entry.Channel);
        }

        if (entry.Settled is { } tcs)
        {
            entry.Settled = null;
            tcs.TrySetResult();
        }
    }

    private void ThrowIfClosed()
    {
        if (_closedBecause is not null)
        {
            throw new ObjectDisposedException(ownerName, _closedBecause.Message);
        }
    }
}

/// <summary>One transport operation the reconciler must perform for a channel.</summary>
/// <param name="Subscribe">True to subscribe, false to unsubscribe.</param>
/// <param name="Refresh">True when the channel was subscribed but the transport lost it: subscribe it again from scratch.</param>
internal readonly record struct TransportChange(bool Subscribe, bool Refresh);
