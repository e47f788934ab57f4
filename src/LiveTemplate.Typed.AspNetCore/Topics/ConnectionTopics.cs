using LiveTemplate.Typed.Connections;

namespace LiveTemplate.Typed.AspNetCore.Topics;

/// <summary>
/// A connection's topics and patterns and who holds each: its handler, its browser, or both. The registry holds the
/// connection's subscription while anyone does (the first holder subscribes, the last releases), and a topic action
/// that arrives is for the holders of the exact topic and of every pattern that matches it. A connection that holds no
/// topic holds no table either: each is made with its first entry (most connections of an app never use topics).
/// A holder is told its subscribe is done once the registry's is (a holder that joins while it is in flight waits for the
/// same one); when the registry's fails, every holder of it is let go, the browser's count too, and each is told.
/// </summary>
internal sealed class ConnectionTopics(LocalConnection connection, ConnectionRegistry registry)
{
    private readonly object _gate = new();
    private Dictionary<Topic, Hold>? _topics;
    private Dictionary<TopicPattern, Hold>? _patterns;
    private int _browserHeld;

    /// <summary>How many topics and patterns the browser holds now.</summary>
    public int BrowserHeld => Volatile.Read(ref _browserHeld);

    /// <summary>True when the browser holds exactly this topic or pattern.</summary>
    public bool BrowserHolds(Topic topic)
    {
        lock (_gate)
        {
            return _topics is not null && _topics.TryGetValue(topic, out var held) && held.Holders.HasFlag(TopicHolder.Browser);
        }
    }

    /// <inheritdoc cref="BrowserHolds(Topic)"/>
    public bool BrowserHolds(TopicPattern pattern)
    {
        lock (_gate)
        {
            return _patterns is not null && _patterns.TryGetValue(pattern, out var held) && held.Holders.HasFlag(TopicHolder.Browser);
        }
    }

    /// <summary>
    /// Adds <paramref name="holder"/> to the topic; the first holder subscribes the connection (the registry checks the
    /// <c>lvt:</c> rule), and the task completes once that subscribe has: it fails with the registry's failure, and then
    /// the topic is no longer held (a retry subscribes again). <paramref name="ct"/> ends the wait, not the subscription.
    /// </summary>
    /// <exception cref="TopicForbiddenException">Another user's or session's reserved topic.</exception>
    public Task SubscribeAsync(Topic topic, TopicHolder holder, CancellationToken ct)
        => Add(ref _topics, topic, holder, () => registry.SubscribeAsync(connection, topic, CancellationToken.None), () => connection.Topics.Contains(topic), ct);

    /// <summary>Adds <paramref name="holder"/> to the pattern, as <see cref="SubscribeAsync(Topic, TopicHolder, CancellationToken)"/>.</summary>
    public Task SubscribeAsync(TopicPattern pattern, TopicHolder holder, CancellationToken ct)
        => Add(ref _patterns, pattern, holder, () => registry.SubscribeAsync(connection, pattern, CancellationToken.None), () => connection.TopicPatterns.Contains(pattern), ct);

    /// <summary>Removes <paramref name="holder"/> from the topic; the last holder releases the connection's subscription.</summary>
    /// <exception cref="ArgumentException">The topic is default (as the registry refuses it).</exception>
    public Task UnsubscribeAsync(Topic topic, TopicHolder holder, CancellationToken ct)
        => topic.IsDefault
            ? throw new ArgumentException("default(Topic) names no topic; create one with new Topic(value).", nameof(topic))
            : Remove(ref _topics, topic, holder, () => registry.UnsubscribeAsync(connection, topic, ct));

    /// <summary>Removes <paramref name="holder"/> from the pattern; the last holder releases the connection's subscription.</summary>
    /// <exception cref="ArgumentException">The pattern is default (as the registry refuses it).</exception>
    public Task UnsubscribeAsync(TopicPattern pattern, TopicHolder holder, CancellationToken ct)
        => pattern.IsDefault
            ? throw new ArgumentException("default(TopicPattern) is no pattern; create one with new TopicPattern(value).", nameof(pattern))
            : Remove(ref _patterns, pattern, holder, () => registry.UnsubscribeAsync(connection, pattern, ct));

    /// <summary>Who holds <paramref name="topic"/> exactly or through a matching pattern.</summary>
    public TopicHolder HoldersOf(Topic topic)
    {
        lock (_gate)
        {
            var holders = _topics?.GetValueOrDefault(topic)?.Holders ?? TopicHolder.None;
            if (_patterns is null)
            {
                return holders;
            }

            foreach (var (pattern, held) in _patterns)
            {
                if (pattern.Matches(topic))
                {
                    holders |= held.Holders;
                }
            }

            return holders;
        }
    }

    // The registry's call runs under the lock up to its first wait: its change of the connection's set is synchronous,
    // so the order of subscribe and release here is the order the registry sees; the wait for Redis is outside the lock.
    // The registry's wait is not the caller's: bounded by its SubscribeTimeout, it is shared by every holder that comes
    // while it runs, and each holder's own token ends only its own wait.
    private Task Add<T>(ref Dictionary<T, Hold>? table, T key, TopicHolder holder, Func<Task> subscribe, Func<bool> registryHolds, CancellationToken ct)
        where T : notnull
    {
        Task subscribed;
        lock (_gate)
        {
            var held = table ??= [];
            var holders = holder;
            if (held.TryGetValue(key, out var hold))
            {
                // Held already: a subscribe still in flight is this holder's too (it is not done before the first one is).
                if (!hold.Subscribed.IsCompletedSuccessfully || registryHolds())
                {
                    Join(hold, holder);
                    return hold.Subscribed.WaitAsync(ct);
                }

                // Confirmed here, but the registry let go since: its subscribe failed after its SubscribeTimeout (event
                // 23), or the app unsubscribed the connection through the registry itself. The hold is stale: subscribed
                // again, for its holders and this one.
                held.Remove(key);
                if (hold.Holders.HasFlag(TopicHolder.Browser))
                {
                    _browserHeld--;
                }

                holders |= hold.Holders;
            }

            var registering = subscribe(); // a refusal it throws (lvt:, default) records nothing
            hold = new Hold();
            held.Add(key, hold);
            Join(hold, holders);

            // Last, under the lock: a subscribe that has already failed lets go at once (the lock is re-entrant).
            subscribed = hold.Subscribed = LetGoIfFailedAsync(held, key, hold, registering);
        }

        return subscribed.WaitAsync(ct);
    }

    private void Join(Hold hold, TopicHolder holders)
    {
        if (holders.HasFlag(TopicHolder.Browser) && !hold.Holders.HasFlag(TopicHolder.Browser))
        {
            _browserHeld++;
        }

        hold.Holders |= holders;
    }

    // The registry's subscribe failed (the broadcaster is disposed, or an app's broadcaster threw): the registry no longer
    // holds the topic for the connection, so nobody here does either, before anyone is told (a retry then subscribes
    // again, and the browser's count is not spent). A hold made anew meanwhile (released and subscribed again) is another's.
    private async Task LetGoIfFailedAsync<T>(Dictionary<T, Hold> table, T key, Hold hold, Task registering)
        where T : notnull
    {
        try
        {
            await registering.ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (table.TryGetValue(key, out var current) && ReferenceEquals(current, hold))
                {
                    table.Remove(key);
                    if (hold.Holders.HasFlag(TopicHolder.Browser))
                    {
                        _browserHeld--;
                    }
                }
            }

            throw;
        }
    }

    private Task Remove<T>(ref Dictionary<T, Hold>? table, T key, TopicHolder holder, Func<Task> release)
        where T : notnull
    {
        lock (_gate)
        {
            var held = table;
            if (held is null || !held.TryGetValue(key, out var hold) || !hold.Holders.HasFlag(holder))
            {
                return Task.CompletedTask;
            }

            if (holder == TopicHolder.Browser)
            {
                _browserHeld--;
            }

            hold.Holders &= ~holder;
            if (hold.Holders != TopicHolder.None)
            {
                return Task.CompletedTask;
            }

            held.Remove(key);
            return release();
        }
    }

    /// <summary>Who holds one topic or pattern, and the registry's subscribe that holds it for them (changed under the gate).</summary>
    private sealed class Hold
    {
        public TopicHolder Holders;

        public Task Subscribed = Task.CompletedTask;
    }
}
