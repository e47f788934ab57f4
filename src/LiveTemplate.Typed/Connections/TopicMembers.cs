using System.Collections.Concurrent;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Connections;

/// <summary>
/// The connections of this instance by topic and by pattern, and who gets a topic action: every connection with the
/// exact topic or a pattern that matches it, once each. The broadcaster's subscriptions follow the first and last member.
/// </summary>
internal sealed class TopicMembers(ITopicSubscriber? subscriber)
{
    private readonly ConcurrentDictionary<Topic, ConnectionSet> _byTopic = new();
    private readonly ConcurrentDictionary<TopicPattern, ConnectionSet> _byPattern = new();
    private int _patterns; // (connection, pattern) memberships: none means no pattern to check

    /// <summary>
    /// Adds the connection to the topic; the task is the broadcaster's subscribe. A connection that already holds the topic
    /// gets the same task: it waits for the confirmation (or the failure) of the subscribe still in flight.
    /// </summary>
    public Task AddAsync(LocalConnection connection, Topic topic)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (connection.AddTopic(topic, subscribed.Task, () => ConnectionSet.AddTo(_byTopic, topic, connection)) is { } held)
        {
            return held;
        }

        return subscriber is null
            ? Confirmed(subscribed)
            : ConfirmAsync(subscribed, () => subscriber.SubscribeToTopicAsync(topic, CancellationToken.None), () => connection.RemoveTopic(topic, subscribed.Task, () => ConnectionSet.RemoveFrom(_byTopic, topic, connection)));
    }

    /// <summary>Adds the connection to the pattern; the task is the broadcaster's subscribe, shared as for a topic.</summary>
    public Task AddAsync(LocalConnection connection, TopicPattern pattern)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (connection.AddPattern(pattern, subscribed.Task, () => Join(connection, pattern)) is { } held)
        {
            return held;
        }

        return subscriber is null
            ? Confirmed(subscribed)
            : ConfirmAsync(subscribed, () => subscriber.SubscribeToPatternAsync(pattern, CancellationToken.None), () => connection.RemovePattern(pattern, subscribed.Task, () => Leave(connection, pattern)));
    }

    /// <summary>Removes the connection from the topic; the task is the broadcaster's release.</summary>
    public Task RemoveAsync(LocalConnection connection, Topic topic, CancellationToken ct)
        => connection.RemoveTopic(topic, () => ConnectionSet.RemoveFrom(_byTopic, topic, connection)) ? Unsubscribe(topic, ct) : Task.CompletedTask;

    /// <summary>Removes the connection from the pattern; the task is the broadcaster's release.</summary>
    public Task RemoveAsync(LocalConnection connection, TopicPattern pattern, CancellationToken ct)
        => connection.RemovePattern(pattern, () => Leave(connection, pattern)) ? Unsubscribe(pattern, ct) : Task.CompletedTask;

    /// <summary>Removes a closing connection (already closed: it takes no new subscription) from everything it held; the tasks are the broadcaster's releases.</summary>
    public List<Task> RemoveAll(LocalConnection connection, CancellationToken ct)
    {
        var (topics, patterns) = connection.TakeTopics();
        var releases = new List<Task>(topics.Length + patterns.Length);
        foreach (var topic in topics)
        {
            ConnectionSet.RemoveFrom(_byTopic, topic, connection);
            releases.Add(Unsubscribe(topic, ct));
        }

        foreach (var pattern in patterns)
        {
            Leave(connection, pattern);
            releases.Add(Unsubscribe(pattern, ct));
        }

        return releases;
    }

    /// <summary>Every connection that gets <paramref name="topic"/>'s actions: its own members and those of each matching pattern, once each.</summary>
    public LocalConnection[] Receivers(Topic topic)
    {
        var exact = _byTopic.TryGetValue(topic, out var set) ? set.Snapshot() : [];
        if (Volatile.Read(ref _patterns) == 0)
        {
            return exact;
        }

        HashSet<LocalConnection>? union = null;
        foreach (var (pattern, members) in _byPattern)
        {
            if (pattern.Matches(topic))
            {
                union ??= [.. exact];
                union.UnionWith(members.Snapshot());
            }
        }

        return union is null ? exact : [.. union];
    }

    private static Task Confirmed(TaskCompletionSource subscribed)
    {
        subscribed.SetResult();
        return subscribed.Task;
    }

    // A subscribe the broadcaster fails (it threw, or its task faulted: disposed, a transport that refused) holds no
    // reference (ITopicSubscriber): the membership goes before the failure is told, so that a retry subscribes again.
    // Only that membership goes: one the connection unsubscribed and made again meanwhile is another subscribe's.
    private static Task ConfirmAsync(TaskCompletionSource subscribed, Func<Task> subscribe, Func<bool> rollBack)
    {
        _ = RunAsync();
        return subscribed.Task;

        async Task RunAsync()
        {
            try
            {
                await subscribe().ConfigureAwait(false);
                subscribed.TrySetResult();
            }
            catch (Exception ex)
            {
                rollBack();
                subscribed.TrySetException(ex);
            }
        }
    }

    private void Join(LocalConnection connection, TopicPattern pattern)
    {
        Interlocked.Increment(ref _patterns);
        ConnectionSet.AddTo(_byPattern, pattern, connection);
    }

    private void Leave(LocalConnection connection, TopicPattern pattern)
    {
        ConnectionSet.RemoveFrom(_byPattern, pattern, connection);
        Interlocked.Decrement(ref _patterns);
    }

    private Task Unsubscribe(Topic topic, CancellationToken ct) => subscriber?.UnsubscribeFromTopicAsync(topic, ct) ?? Task.CompletedTask;

    private Task Unsubscribe(TopicPattern pattern, CancellationToken ct) => subscriber?.UnsubscribeFromPatternAsync(pattern, ct) ?? Task.CompletedTask;
}
