using System.Collections.Concurrent;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveTemplate.Typed.Connections;

/// <summary>
/// The connections this instance holds, by group and by user, and the fan-out of incoming messages to them.
/// The first connection of a group or user subscribes its channels (through <see cref="IDynamicSubscriber"/>),
/// the last one unsubscribes them. Lookups are exact-match; delivery never waits on a connection: each has a
/// bounded queue, and a full queue drops (and counts) rather than slowing anyone else down.
/// </summary>
public sealed class ConnectionRegistry : IAsyncDisposable
{
    // How long disposal waits for the transport to confirm that the connections' channels are released.
    private static readonly TimeSpan DisposeReleaseWait = TimeSpan.FromMilliseconds(500);

    private readonly IBroadcaster _broadcaster;
    private readonly IDynamicSubscriber? _subscriber;
    private readonly IInstanceBroadcaster? _instance;
    private readonly ConnectionRegistryOptions _options;
    private readonly ILogger _logger;
    private readonly ConnectionSet _all = new();
    private readonly ConcurrentDictionary<GroupId, ConnectionSet> _byGroup = new();
    private readonly ConcurrentDictionary<UserId, ConnectionSet> _byUser = new();
    private readonly RegistryMetrics _metrics;
    private readonly TopicMembers _topics;
    private int _disposed;

    private ConnectionRegistry(IBroadcaster broadcaster, ConnectionRegistryOptions options, ILogger logger)
    {
        _broadcaster = broadcaster;
        _subscriber = broadcaster as IDynamicSubscriber;
        _topics = new TopicMembers(broadcaster as ITopicSubscriber);
        _options = options;
        _logger = logger;
        // A broadcaster of this SDK counts queue-full drops with its other drops (one counter, one place for reasons).
        _instance = broadcaster as IInstanceBroadcaster;
        _metrics = new RegistryMetrics(_instance?.InstanceId ?? Guid.NewGuid().ToString(), options.MeterFactory, () => _all.Count, reportsDrops: _instance is null);
    }

    /// <summary>Connections registered now.</summary>
    public int Count => _all.Count;

    /// <summary>Messages handed to connection queues so far.</summary>
    public long Delivered => _metrics.Delivered;

    /// <summary>Messages dropped because a connection's queue was full.</summary>
    public long DroppedQueueFull => _metrics.Dropped;

    /// <summary>
    /// Creates a registry and attaches it to <paramref name="broadcaster"/> as the handler of every message kind,
    /// which also subscribes the global channel (waiting at most <see cref="ConnectionRegistryOptions.SubscribeTimeout"/>
    /// for the transport to confirm it, so that an app starts while Redis is down).
    /// </summary>
    public static async Task<ConnectionRegistry> AttachAsync(IBroadcaster broadcaster, ConnectionRegistryOptions? options = null, ILogger<ConnectionRegistry>? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(broadcaster);
        options ??= new ConnectionRegistryOptions();
        options.Validate();
        var registry = new ConnectionRegistry(broadcaster, options, (ILogger?)logger ?? NullLogger.Instance);
        await broadcaster.SubscribeServerActionsAsync(registry.OnServerActionAsync, ct).ConfigureAwait(false);
        await broadcaster.SubscribeGroupActionsAsync(registry.OnGroupActionAsync, ct).ConfigureAwait(false);
        if (broadcaster is ITopicBroadcaster topics)
        {
            await topics.SubscribeTopicActionsAsync(registry.OnTopicActionAsync, ct).ConfigureAwait(false);
        }

        if (broadcaster is IStreamHistory history)
        {
            await history.SubscribeNotRecoveredAsync(registry.OnNotRecoveredAsync, ct).ConfigureAwait(false);
        }

        try
        {
            await broadcaster.SubscribeAsync(registry.OnBroadcastAsync, ct).WaitAsync(options.SubscribeTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Redis is down at start-up: the app starts anyway; the global channel is confirmed once Redis is back.
            RegistryLog.GlobalSubscribeSlow(registry._logger, options.SubscribeTimeout);
        }

        return registry;
    }

    /// <summary>
    /// Registers a connection in <paramref name="groupId"/> and, when authenticated, for <paramref name="userId"/>,
    /// and waits (up to <see cref="ConnectionRegistryOptions.SubscribeTimeout"/>) until their channels are subscribed.
    /// </summary>
    /// <exception cref="ArgumentException">The id is invalid or already registered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; nothing stays registered.</exception>
    public async Task<LocalConnection> RegisterAsync(string connectionId, GroupId groupId, UserId? userId = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ScopeIdRules.Validate(connectionId, "A connection id", nameof(connectionId));
        ScopeIdRules.Require(groupId, nameof(groupId));
        if (userId is { } user)
        {
            ScopeIdRules.Require(user, nameof(userId));
        }

        var connection = new LocalConnection(connectionId, groupId, userId, _options);
        if (!_all.TryAdd(connection))
        {
            throw new ArgumentException($"A connection with id '{connectionId}' is already registered.", nameof(connectionId));
        }

        ConnectionSet.AddTo(_byGroup, groupId, connection);
        if (userId is { } u)
        {
            ConnectionSet.AddTo(_byUser, u, connection);
        }

        try
        {
            await SubscribeChannelsAsync(connection, ct).ConfigureAwait(false);
        }
        catch
        {
            // Cancelled, or the broadcaster is gone: leave nothing registered.
            await UnregisterAsync(connection, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return connection;
    }

    /// <summary>Removes the connection, completes its queue and releases its channels. Doing it twice does nothing.</summary>
    public async Task UnregisterAsync(LocalConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_all.Remove(connection, retireWhenEmpty: false, out _))
        {
            return;
        }

        ConnectionSet.RemoveFrom(_byGroup, connection.GroupId, connection);
        if (connection.UserId is { } user)
        {
            ConnectionSet.RemoveFrom(_byUser, user, connection);
        }

        connection.Complete();
        var releases = _topics.RemoveAll(connection, ct);
        if (_subscriber is null)
        {
            await Task.WhenAll(releases).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        releases.Add(_subscriber.UnsubscribeFromGroupAsync(connection.GroupId, ct));
        releases.Add(_subscriber.UnsubscribeFromGroupActionAsync(connection.GroupId, ct));
        if (connection.UserId is { } u)
        {
            releases.Add(_subscriber.UnsubscribeFromUserAsync(u, ct));
            releases.Add(_subscriber.UnsubscribeFromServerActionAsync(u, ct));
        }

        await Task.WhenAll(releases).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Subscribes <paramref name="connection"/> to <paramref name="topic"/> until it unsubscribes or closes, and waits (up
    /// to <see cref="ConnectionRegistryOptions.SubscribeTimeout"/>) for the transport. Subscribing twice does nothing more:
    /// while the first subscribe is in flight, the second waits for it and fails with it. When the broadcaster fails the
    /// subscribe (it is disposed, or an app's <see cref="ITopicSubscriber"/> throws), the task fails with its exception and
    /// the connection does not hold the topic: a retry subscribes again. <paramref name="ct"/> ends the wait, not the subscription.
    /// </summary>
    /// <exception cref="ArgumentException">The topic is default, or the connection is not registered here.</exception>
    /// <exception cref="TopicForbiddenException">The topic is another user's or session's reserved <c>lvt:</c> topic.</exception>
    /// <exception cref="ObjectDisposedException">The registry is disposed (thrown), or the broadcaster is (the task fails).</exception>
    public Task SubscribeAsync(LocalConnection connection, Topic topic, CancellationToken ct = default)
    {
        RequireRegistered(connection);
        Topic.Require(topic, nameof(topic));
        if (!topic.IsOpenTo(connection.GroupId, connection.UserId))
        {
            throw new TopicForbiddenException(topic.Value, "It is the reserved topic of another user or session.");
        }

        return AwaitSubscribedAsync(connection, topic.Value, _topics.AddAsync(connection, topic), ct);
    }

    /// <summary>Subscribes <paramref name="connection"/> to every topic <paramref name="pattern"/> matches, as <see cref="SubscribeAsync(LocalConnection, Topic, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is default, or the connection is not registered here.</exception>
    public Task SubscribeAsync(LocalConnection connection, TopicPattern pattern, CancellationToken ct = default)
    {
        RequireRegistered(connection);
        TopicPattern.Require(pattern, nameof(pattern));
        return AwaitSubscribedAsync(connection, pattern.Value, _topics.AddAsync(connection, pattern), ct);
    }

    /// <summary>Ends <paramref name="connection"/>'s subscription to <paramref name="topic"/>; one it does not hold does nothing.</summary>
    public Task UnsubscribeAsync(LocalConnection connection, Topic topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return _topics.RemoveAsync(connection, Topic.Require(topic, nameof(topic)), ct);
    }

    /// <summary>Ends <paramref name="connection"/>'s subscription to <paramref name="pattern"/>; one it does not hold does nothing.</summary>
    public Task UnsubscribeAsync(LocalConnection connection, TopicPattern pattern, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return _topics.RemoveAsync(connection, TopicPattern.Require(pattern, nameof(pattern)), ct);
    }

    /// <summary>The connections of exactly this group.</summary>
    public IReadOnlyList<LocalConnection> GetByGroup(GroupId groupId) => GroupMembers(groupId);

    /// <summary>The connections of exactly this user.</summary>
    public IReadOnlyList<LocalConnection> GetByUser(UserId userId) => UserConnections(userId);

    /// <summary>The connection with this id, or null.</summary>
    public LocalConnection? Find(string connectionId) => _all.Find(connectionId);

    /// <summary>Every connection registered now.</summary>
    public IReadOnlyList<LocalConnection> GetAll() => _all.Snapshot();

    /// <summary>
    /// Unregisters every connection (completing their queues) and stops delivering. Their channels are released at
    /// once; disposal waits at most <see cref="DisposeReleaseWait"/> for the transport to confirm, so that it is prompt
    /// while Redis is away. The broadcaster is not disposed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var bound = new CancellationTokenSource(DisposeReleaseWait);
        await Task.WhenAll(_all.Snapshot().Select(connection => UnregisterAsync(connection, bound.Token))).ConfigureAwait(false);
        _metrics.Dispose();
    }

    private void RequireRegistered(LocalConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!ReferenceEquals(_all.Find(connection.Id), connection))
        {
            throw new ArgumentException($"Connection {connection.Id} is not registered here (or has closed).", nameof(connection));
        }
    }

    private async Task AwaitSubscribedAsync(LocalConnection connection, string name, Task subscribing, CancellationToken ct)
    {
        try
        {
            await subscribing.WaitAsync(_options.SubscribeTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The reference is held: the transport confirms it once it is back. Should the broadcaster fail it later, the
            // membership is gone (as for a failure in time) and nobody waits to be told: it is logged.
            RegistryLog.SubscribeSlow(_logger, connection.Id, _options.SubscribeTimeout);
            _ = subscribing.ContinueWith(
                static (failed, state) =>
                {
                    var (logger, id, topic) = ((ILogger, string, string))state!;
                    RegistryLog.SubscribeFailedLate(logger, failed.Exception!.InnerException ?? failed.Exception, id, topic);
                },
                (_logger, connection.Id, name),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task SubscribeChannelsAsync(LocalConnection connection, CancellationToken ct)
    {
        if (_subscriber is null)
        {
            return;
        }

        var subscriptions = new List<Task>(4)
        {
            _subscriber.SubscribeToGroupAsync(connection.GroupId, CancellationToken.None),
            _subscriber.SubscribeToGroupActionAsync(connection.GroupId, CancellationToken.None),
        };
        if (connection.UserId is { } user)
        {
            subscriptions.Add(_subscriber.SubscribeToUserAsync(user, CancellationToken.None));
            subscriptions.Add(_subscriber.SubscribeToServerActionAsync(user, CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(subscriptions).WaitAsync(_options.SubscribeTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The references are held: the transport confirms them once it is back. Local delivery works meanwhile.
            RegistryLog.SubscribeSlow(_logger, connection.Id, _options.SubscribeTimeout);
        }
    }

    // Arrays, not IReadOnlyList: fan-out loops over them for every message, without an enumerator or interface calls.
    private LocalConnection[] GroupMembers(GroupId groupId) => _byGroup.TryGetValue(groupId, out var set) ? set.Snapshot() : [];

    private LocalConnection[] UserConnections(UserId userId) => _byUser.TryGetValue(userId, out var set) ? set.Snapshot() : [];

    private ValueTask OnBroadcastAsync(BroadcastMessage message)
    {
        var targets = message.Scope switch
        {
            BroadcastScope.Group => GroupMembers(message.GroupId!.Value),
            BroadcastScope.User => UserConnections(message.UserId!.Value),
            _ => _all.Snapshot(),
        };
        Deliver(targets, message, message.ExcludeConnectionId);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnServerActionAsync(ServerActionMessage message)
    {
        Deliver(UserConnections(message.UserId), message, null);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnGroupActionAsync(GroupActionMessage message)
    {
        Deliver(GroupMembers(message.GroupId), message, message.ExcludeConnectionId);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnTopicActionAsync(TopicActionMessage message)
    {
        Deliver(_topics.Receivers(message.Topic), message, null);
        return ValueTask.CompletedTask;
    }

    // A loss a channel's history could not repair: every connection of the channel's scope is told, in order.
    private ValueTask OnNotRecoveredAsync(NotRecoveredMessage message)
    {
        var targets = message switch
        {
            { ChannelKind: ChannelKind.GroupAction or ChannelKind.GroupBroadcast, ScopeId: { } group } => GroupMembers(GroupId.FromValidated(group)),
            { ChannelKind: ChannelKind.ServerAction or ChannelKind.UserBroadcast, ScopeId: { } user } => UserConnections(UserId.FromValidated(user)),
            _ => _all.Snapshot(),
        };
        Deliver(targets, message, null);
        return ValueTask.CompletedTask;
    }

    private void Deliver(LocalConnection[] targets, PubSubMessage message, string? excludeConnectionId)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        foreach (var connection in targets)
        {
            if (excludeConnectionId is not null && string.Equals(connection.Id, excludeConnectionId, StringComparison.Ordinal)
                && !(connection.TracksStreamPositions && message.Position is not null))
            {
                continue;
            }

            var dropped = connection.Deliver(message);
            if (dropped == 0)
            {
                _metrics.AddDelivered();
                continue;
            }

            _metrics.AddDropped(dropped);
            _instance?.CountDropped(DropReason.QueueFull, dropped);
            if (connection.Dropped == dropped)
            {
                RegistryLog.FirstDrop(_logger, connection.Id, _options.OutboundQueueCapacity);
            }
        }
    }
}
