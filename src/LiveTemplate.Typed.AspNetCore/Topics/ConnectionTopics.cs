using LiveTemplate.Typed.Connections;

namespace LiveTemplate.Typed.AspNetCore.Topics;

/// <summary>
/// A connection's topics and patterns and who holds each: its handler, its browser, or both. The registry holds the
/// connection's subscription while anyone does (the first holder subscribes, the last releases), and a topic action
/// that arrives is for the holders of the exact topic and of every pattern that matches it. A connection that holds no
/// topic holds no table either: each is made with its first entry (most connections of an app never use topics).
/// </summary>
internal sealed class ConnectionTopics(LocalConnection connection, ConnectionRegistry registry)
{
    private readonly object _gate = new();
    private Dictionary<Topic, TopicHolder>? _topics;
    private Dictionary<TopicPattern, TopicHolder>? _patterns;
    private int _browserHeld;

    /// <summary>How many topics and patterns the browser holds now.</summary>
    public int BrowserHeld => Volatile.Read(ref _browserHeld);

    /// <summary>True when the browser holds exactly this topic or pattern.</summary>
    public bool BrowserHolds(Topic topic)
    {
        lock (_gate)
        {
            return _topics is not null && _topics.TryGetValue(topic, out var held) && held.HasFlag(TopicHolder.Browser);
        }
    }

    /// <inheritdoc cref="BrowserHolds(Topic)"/>
    public bool BrowserHolds(TopicPattern pattern)
    {
        lock (_gate)
        {
            return _patterns is not null && _patterns.TryGetValue(pattern, out var held) && held.HasFlag(TopicHolder.Browser);
        }
    }

    /// <summary>Adds <paramref name="holder"/> to the topic; the first holder subscribes the connection (the registry checks the <c>lvt:</c> rule).</summary>
    /// <exception cref="TopicForbiddenException">Another user's or session's reserved topic.</exception>
    public Task SubscribeAsync(Topic topic, TopicHolder holder, CancellationToken ct)
        => Add(ref _topics, topic, holder, () => registry.SubscribeAsync(connection, topic, ct));

    /// <summary>Adds <paramref name="holder"/> to the pattern; the first holder subscribes the connection.</summary>
    public Task SubscribeAsync(TopicPattern pattern, TopicHolder holder, CancellationToken ct)
        => Add(ref _patterns, pattern, holder, () => registry.SubscribeAsync(connection, pattern, ct));

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
            var holders = _topics?.GetValueOrDefault(topic) ?? TopicHolder.None;
            if (_patterns is null)
            {
                return holders;
            }

            foreach (var (pattern, held) in _patterns)
            {
                if (pattern.Matches(topic))
                {
                    holders |= held;
                }
            }

            return holders;
        }
    }

    // The registry's call runs under the lock up to its first wait: its change of the connection's set is synchronous,
    // so the order of subscribe and release here is the order the registry sees; the wait for Redis is outside the lock.
    private Task Add<T>(ref Dictionary<T, TopicHolder>? table, T key, TopicHolder holder, Func<Task> subscribe)
        where T : notnull
    {
        Task subscribing;
        lock (_gate)
        {
            var held = table ??= [];
            var before = held.GetValueOrDefault(key);
            if (before.HasFlag(holder))
            {
                return Task.CompletedTask;
            }

            subscribing = before == TopicHolder.None ? subscribe() : Task.CompletedTask;
            held[key] = before | holder;
            if (holder == TopicHolder.Browser)
            {
                _browserHeld++;
            }
        }

        return subscribing;
    }

    private Task Remove<T>(ref Dictionary<T, TopicHolder>? table, T key, TopicHolder holder, Func<Task> release)
        where T : notnull
    {
        lock (_gate)
        {
            var held = table;
            if (held is null || !held.TryGetValue(key, out var before) || !before.HasFlag(holder))
            {
                return Task.CompletedTask;
            }

            if (holder == TopicHolder.Browser)
            {
                _browserHeld--;
            }

            var after = before & ~holder;
            if (after != TopicHolder.None)
            {
                held[key] = after;
                return Task.CompletedTask;
            }

            held.Remove(key);
            return release();
        }
    }
}
