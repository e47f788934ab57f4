using System.Collections.Concurrent;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Testing;

/// <summary>
/// A real <see cref="InMemoryBroadcaster"/> behind a broadcaster that fails the subscribes a test chooses, as a disposed
/// broadcaster, a transport that refuses or an app's own <see cref="ITopicSubscriber"/> would: the next subscribe to a
/// chosen topic or pattern fails (asynchronously, once its gate opens) without reaching the inner broadcaster; every
/// other call is the inner broadcaster's own.
/// </summary>
public sealed class FaultingTopicBroadcaster(InMemoryBroadcaster inner) : IBroadcaster, ITopicBroadcaster, ITopicSubscriber, IDynamicSubscriber
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Task>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _forwarded = new(StringComparer.Ordinal);

    /// <summary>Creates one over a new in-memory broadcaster.</summary>
    public FaultingTopicBroadcaster()
        : this(new InMemoryBroadcaster())
    {
    }

    /// <summary>The broadcaster that does the real work (publish through it, as another part of the app would).</summary>
    public InMemoryBroadcaster Inner => inner;

    /// <summary>
    /// Makes the next subscribe to <paramref name="name"/> (a topic's or a pattern's value) fail with an
    /// <see cref="InvalidOperationException"/> once <paramref name="gate"/> completes (at once without one).
    /// </summary>
    public void FailNext(string name, Task? gate = null) => _failures.GetOrAdd(name, _ => new()).Enqueue(gate ?? Task.CompletedTask);

    /// <summary>How many subscribes to <paramref name="name"/> reached the inner broadcaster.</summary>
    public int Forwarded(string name) => _forwarded.GetValueOrDefault(name);

    /// <inheritdoc />
    public Task SubscribeToTopicAsync(Topic topic, CancellationToken ct = default)
        => Failure(topic.Value) ?? Forward(topic.Value, () => inner.SubscribeToTopicAsync(topic, ct));

    /// <inheritdoc />
    public Task SubscribeToPatternAsync(TopicPattern pattern, CancellationToken ct = default)
        => Failure(pattern.Value) ?? Forward(pattern.Value, () => inner.SubscribeToPatternAsync(pattern, ct));

    /// <inheritdoc />
    public Task UnsubscribeFromTopicAsync(Topic topic, CancellationToken ct = default) => inner.UnsubscribeFromTopicAsync(topic, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromPatternAsync(TopicPattern pattern, CancellationToken ct = default) => inner.UnsubscribeFromPatternAsync(pattern, ct);

    /// <inheritdoc />
    public Task PublishToTopicAsync(Topic topic, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PublishToTopicAsync(topic, action, data, ct);

    /// <inheritdoc />
    public Task SubscribeTopicActionsAsync(Func<TopicActionMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeTopicActionsAsync(handler, ct);

    /// <inheritdoc />
    public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishGlobalAsync(payload, ct);

    /// <inheritdoc />
    public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishToGroupAsync(groupId, payload, ct);

    /// <inheritdoc />
    public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, CancellationToken ct = default) => inner.PublishToUserAsync(userId, payload, ct);

    /// <inheritdoc />
    public Task PublishServerActionAsync(UserId userId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PublishServerActionAsync(userId, action, data, ct);

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PublishGroupActionAsync(groupId, action, data, ct);

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, string? excludeConnectionId, CancellationToken ct = default) => inner.PublishGroupActionAsync(groupId, action, data, excludeConnectionId, ct);

    /// <inheritdoc />
    public Task SubscribeAsync(Func<BroadcastMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeAsync(handler, ct);

    /// <inheritdoc />
    public Task SubscribeServerActionsAsync(Func<ServerActionMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeServerActionsAsync(handler, ct);

    /// <inheritdoc />
    public Task SubscribeGroupActionsAsync(Func<GroupActionMessage, ValueTask> handler, CancellationToken ct = default) => inner.SubscribeGroupActionsAsync(handler, ct);

    /// <inheritdoc />
    public Task SubscribeToGroupAsync(GroupId groupId, CancellationToken ct = default) => inner.SubscribeToGroupAsync(groupId, ct);

    /// <inheritdoc />
    public Task SubscribeToUserAsync(UserId userId, CancellationToken ct = default) => inner.SubscribeToUserAsync(userId, ct);

    /// <inheritdoc />
    public Task SubscribeToServerActionAsync(UserId userId, CancellationToken ct = default) => inner.SubscribeToServerActionAsync(userId, ct);

    /// <inheritdoc />
    public Task SubscribeToGroupActionAsync(GroupId groupId, CancellationToken ct = default) => inner.SubscribeToGroupActionAsync(groupId, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromGroupAsync(GroupId groupId, CancellationToken ct = default) => inner.UnsubscribeFromGroupAsync(groupId, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromUserAsync(UserId userId, CancellationToken ct = default) => inner.UnsubscribeFromUserAsync(userId, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromServerActionAsync(UserId userId, CancellationToken ct = default) => inner.UnsubscribeFromServerActionAsync(userId, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromGroupActionAsync(GroupId groupId, CancellationToken ct = default) => inner.UnsubscribeFromGroupActionAsync(groupId, ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private Task? Failure(string name)
        => _failures.TryGetValue(name, out var queue) && queue.TryDequeue(out var gate) ? FailAsync(name, gate) : null;

    private Task Forward(string name, Func<Task> subscribe)
    {
        _forwarded.AddOrUpdate(name, 1, (_, count) => count + 1);
        return subscribe();
    }

    private static async Task FailAsync(string name, Task gate)
    {
        await gate.ConfigureAwait(false);
        await Task.Yield(); // always asynchronously, as a transport's answer
        throw new InvalidOperationException($"The test broadcaster refuses the subscription to '{name}' on purpose.");
    }
}
