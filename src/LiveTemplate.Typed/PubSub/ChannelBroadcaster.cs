using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub.Subscriptions;
using LiveTemplate.Typed.Wire;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// A broadcaster over a pub/sub transport with named channels (Redis, or the in-memory network). It owns what
/// every such transport needs: the channel names, reference-counted subscriptions reconciled in batches,
/// local-first delivery, dropping its own echo, decoding and checking what arrives, and metrics. A transport
/// only implements publish, subscribe and unsubscribe of one literal channel, and feeds what it receives to
/// <see cref="OnTransportMessageAsync"/> in the channel's order.
/// </summary>
public abstract class ChannelBroadcaster : IBroadcaster, IDynamicSubscriber
{
    private const int ReconcileBatchSize = 1024;

    private readonly SubscriptionTable _subscriptions;
    private readonly HandlerList<BroadcastMessage> _broadcastHandlers = new();
    private readonly HandlerList<ServerActionMessage> _serverActionHandlers = new();
    private readonly HandlerList<GroupActionMessage> _groupActionHandlers = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly TimeProvider _time;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _reconnectDelay;
    private readonly TimeSpan _maxReconnectDelay;
    private readonly EnvelopeSigner? _signer;
    private readonly EnvelopeReadContext _readContext;
    private readonly object _globalGate = new();
    private Task? _globalSubscription;
    private Task? _reconciler;
    private int _disposed;
    private long _groupActionSeq;

    /// <summary>Creates the broadcaster; derived constructors must call <see cref="Start"/> once they are ready.</summary>
    protected ChannelBroadcaster(BroadcasterOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Logger = logger;
        Channels = new ChannelNames(options.ChannelPrefix);
        InstanceId = Guid.NewGuid().ToString();
        _readContext = new EnvelopeReadContext(InstanceId);
        _time = options.TimeProvider;
        _maxMessageBytes = options.MaxMessageBytes;
        _reconnectDelay = options.ReconnectDelay;
        _maxReconnectDelay = options.MaxReconnectDelay;
        _signer = options.SigningKey is { } key ? new EnvelopeSigner(key) : null;
        _subscriptions = new SubscriptionTable(Channels);
        Metrics = new BroadcasterMetrics(InstanceId, options.MeterFactory, () => _subscriptions.ActiveCount);
    }

    /// <summary>This instance's id: stamped on everything it publishes, and how it recognises its own echo.</summary>
    public string InstanceId { get; }

    /// <summary>The channel names this broadcaster uses.</summary>
    public ChannelNames Channels { get; }

    /// <summary>True once <see cref="DisposeAsync"/> has begun.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The logger given at construction.</summary>
    protected ILogger Logger { get; }

    /// <summary>Cancelled when disposal begins; background work of derived classes should stop on it.</summary>
    protected CancellationToken Disposing => _disposing.Token;

    /// <summary>The delay before retry number <paramref name="attempt"/> (from 0): capped exponential backoff with jitter.</summary>
    protected TimeSpan RetryDelay(int attempt) => Backoff.Delay(_reconnectDelay, _maxReconnectDelay, attempt);

    /// <summary>Counts a completed restoration of the subscriptions after the transport came back.</summary>
    protected void ReportReconnected() => Metrics.Reconnected();

    internal BroadcasterMetrics Metrics { get; }

    /// <summary>The counters this broadcaster reports to the <c>LiveTemplate.Typed</c> meter.</summary>
    public BroadcasterStatistics GetStatistics() => Metrics.Snapshot();

    /// <summary>Starts the background reconciler; call once, at the end of the derived constructor.</summary>
    protected void Start() => _reconciler ??= Task.Run(ReconcileLoopAsync);

    // ---- Transport: what a derived class implements ----

    /// <summary>
    /// Publishes an encoded envelope on a literal channel. The envelope is an array of its own that the broadcaster
    /// never changes or reuses: the transport may keep referring to it, even after its task has completed or failed.
    /// </summary>
    protected abstract Task PublishToTransportAsync(string channel, ReadOnlyMemory<byte> envelope, CancellationToken ct);

    /// <summary>
    /// False while the transport would carry a publish to nobody (an in-memory broadcaster alone on its network): then
    /// publishing delivers locally without writing an envelope, when the envelope is certainly within MaxMessageBytes.
    /// </summary>
    internal virtual bool TransportCarriesMessages => true;

    /// <summary>
    /// Subscribes a literal channel and returns once the transport confirms. When <paramref name="refresh"/> is
    /// true the channel was subscribed but the transport lost it: drop what is left and subscribe again. On
    /// failure, leave the transport without the channel and throw; the call is retried with backoff.
    /// </summary>
    protected abstract Task SubscribeToTransportAsync(ChannelSubscription subscription, bool refresh, CancellationToken ct);

    /// <summary>Unsubscribes a literal channel.</summary>
    protected abstract Task UnsubscribeFromTransportAsync(ChannelSubscription subscription, CancellationToken ct);

    // ---- IBroadcaster ----

    /// <inheritdoc />
    public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishGlobalAsync(payload, null, ct);

    /// <inheritdoc />
    public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishToGroupAsync(groupId, payload, null, ct);

    /// <inheritdoc />
    public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, CancellationToken ct = default)
        => PublishToUserAsync(userId, payload, null, ct);

    /// <inheritdoc />
    public Task PublishServerActionAsync(UserId userId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        JsonObjectCheck.EnsureObjectOrEmpty(data.Span, nameof(data));
        return PublishAsync(Channels.ServerAction(Require(userId)), new ServerActionMessage(userId, action, data, InstanceId, Now), new RawData(data), ct);
    }

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, CancellationToken ct = default)
        => PublishGroupActionAsync(groupId, action, data, null, ct);

    /// <inheritdoc />
    public Task PublishGroupActionAsync(GroupId groupId, string action, ReadOnlyMemory<byte> data, string? excludeConnectionId, CancellationToken ct = default)
    {
        JsonObjectCheck.EnsureObjectOrEmpty(data.Span, nameof(data));
        var message = new GroupActionMessage(groupId, action, data, InstanceId, Now, NextGroupActionSeq(), excludeConnectionId: excludeConnectionId);
        return PublishAsync(Channels.GroupAction(Require(groupId)), message, new RawData(data), ct);
    }

    /// <summary>
    /// Typed publish of a server action: the generated code writes the action straight into the envelope, so there is
    /// no intermediate array and no re-parsing of data that cannot be malformed.
    /// </summary>
    internal Task PublishServerActionAsync<TAction>(UserId userId, TAction action, CancellationToken ct)
        where TAction : IServerAction<TAction>
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action)); // no boxing for record struct actions
        }

        var header = new ServerActionMessage(Require(userId), TAction.ActionName, default, InstanceId, Now);
        return PublishAsync(Channels.ServerAction(userId), header, new TypedData<TAction>(action), ct);
    }

    /// <summary>Typed publish of a group action (see <see cref="PublishServerActionAsync{TAction}"/>).</summary>
    internal Task PublishGroupActionAsync<TAction>(GroupId groupId, TAction action, string? excludeConnectionId, CancellationToken ct)
        where TAction : IGroupAction<TAction>
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action)); // no boxing for record struct actions
        }

        var header = new GroupActionMessage(Require(groupId), TAction.ActionName, default, InstanceId, Now, NextGroupActionSeq(), excludeConnectionId: excludeConnectionId);
        return PublishAsync(Channels.GroupAction(groupId), header, new TypedData<TAction>(action), ct);
    }

    /// <summary>Publishes to every connection on every instance except <paramref name="excludeConnectionId"/> (usually the sender), as livetemplate's <c>excludeConnID</c>.</summary>
    public Task PublishGlobalAsync(ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => PublishAsync(Channels.Global, BroadcastMessage.ToEveryone(payload, InstanceId, Now, excludeConnectionId), default(RawData), ct);

    /// <summary>Publishes to every connection of one group except <paramref name="excludeConnectionId"/> (usually the sender).</summary>
    public Task PublishToGroupAsync(GroupId groupId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => PublishAsync(Channels.GroupBroadcast(Require(groupId)), BroadcastMessage.ToGroup(groupId, payload, InstanceId, Now, excludeConnectionId), default(RawData), ct);

    /// <summary>Publishes to every connection of one user except <paramref name="excludeConnectionId"/> (usually the sender).</summary>
    public Task PublishToUserAsync(UserId userId, ReadOnlyMemory<byte> payload, string? excludeConnectionId, CancellationToken ct = default)
        => PublishAsync(Channels.UserBroadcast(Require(userId)), BroadcastMessage.ToUser(userId, payload, InstanceId, Now, excludeConnectionId), default(RawData), ct);

    /// <inheritdoc />
    public Task SubscribeAsync(Func<BroadcastMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _broadcastHandlers.Add(handler);
        return SubscribeGlobalChannel().WaitAsync(ct);
    }

    /// <inheritdoc />
    public Task SubscribeServerActionsAsync(Func<ServerActionMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _serverActionHandlers.Add(handler);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SubscribeGroupActionsAsync(Func<GroupActionMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _groupActionHandlers.Add(handler);
        return Task.CompletedTask;
    }

    // ---- IDynamicSubscriber ----

    /// <inheritdoc />
    public Task SubscribeToGroupAsync(GroupId groupId, CancellationToken ct = default) => Acquire(ChannelKind.GroupBroadcast, Require(groupId).Value, ct);

    /// <inheritdoc />
    public Task SubscribeToUserAsync(UserId userId, CancellationToken ct = default) => Acquire(ChannelKind.UserBroadcast, Require(userId).Value, ct);

    /// <inheritdoc />
    public Task SubscribeToServerActionAsync(UserId userId, CancellationToken ct = default) => Acquire(ChannelKind.ServerAction, Require(userId).Value, ct);

    /// <inheritdoc />
    public Task SubscribeToGroupActionAsync(GroupId groupId, CancellationToken ct = default) => Acquire(ChannelKind.GroupAction, Require(groupId).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromGroupAsync(GroupId groupId, CancellationToken ct = default) => Release(ChannelKind.GroupBroadcast, Require(groupId).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromUserAsync(UserId userId, CancellationToken ct = default) => Release(ChannelKind.UserBroadcast, Require(userId).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromServerActionAsync(UserId userId, CancellationToken ct = default) => Release(ChannelKind.ServerAction, Require(userId).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromGroupActionAsync(GroupId groupId, CancellationToken ct = default) => Release(ChannelKind.GroupAction, Require(groupId).Value, ct);

    /// <summary>True when this instance has an interest in <paramref name="channel"/> (a reference, or global with a handler).</summary>
    public bool IsSubscribed(string channel) => _subscriptions.IsWanted(channel);

    // ---- Receiving ----

    /// <summary>
    /// Handles one envelope that arrived on <paramref name="subscription"/>'s channel. Call it in the channel's
    /// order and await it before the next one. Bad input is dropped, logged once with the channel and counted;
    /// this method does not throw.
    /// </summary>
    protected async ValueTask OnTransportMessageAsync(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (IsDisposed)
        {
            return;
        }

        try
        {
            if (Accept(subscription, envelope) is { } message)
            {
                Metrics.Received();
                await DispatchAsync(subscription.Channel, message).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Nothing above is expected to throw (handlers are isolated, the reader returns errors); if something
            // does, this message is lost but the channel's receive loop lives on.
            Drop(subscription.Channel, DropReason.Malformed, $"Unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Decodes and checks one envelope: the message to deliver, or null when it is dropped or our own echo.</summary>
    private PubSubMessage? Accept(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope)
    {
        if (envelope.Length > _maxMessageBytes)
        {
            Drop(subscription.Channel, DropReason.Oversized, $"The envelope has {envelope.Length} bytes; the limit is {_maxMessageBytes}.");
            return null;
        }

        if (_signer is not null && !_signer.Verify(subscription.Channel, envelope.Span))
        {
            Drop(subscription.Channel, DropReason.BadSignature, "The envelope is not signed with this deployment's key.");
            return null;
        }

        var result = EnvelopeReader.Read(envelope, _readContext, subscription.ScopeId);
        if (result.IsEcho)
        {
            return null; // Our own echo: delivered locally when it was published.
        }

        if (!result.Success)
        {
            var reason = result.Error.Kind == EnvelopeErrorKind.UnknownType ? DropReason.UnknownType : DropReason.Malformed;
            Drop(subscription.Channel, reason, result.Error.Detail);
            return null;
        }

        var message = result.Message;
        if (!subscription.Carries(message))
        {
            Drop(subscription.Channel, DropReason.ScopeMismatch, $"A {message.ChannelKind} message does not belong on this channel.");
            return null;
        }

        return message;
    }

    // ---- Lifetime ----

    /// <summary>Stops delivery, unsubscribes every channel (best effort, bounded) and releases resources. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var stillSubscribed = _subscriptions.Close(new ObjectDisposedException(GetType().Name));
        await _disposing.CancelAsync().ConfigureAwait(false);
        if (_reconciler is { } reconciler)
        {
            await reconciler.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await DisposeTransportAsync(stillSubscribed).ConfigureAwait(false);
        Metrics.Dispose();
        _disposing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the transport: unsubscribe <paramref name="stillSubscribed"/> (best effort) and stop background work.</summary>
    protected virtual async ValueTask DisposeTransportAsync(IReadOnlyCollection<ChannelSubscription> stillSubscribed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var unsubscribes = stillSubscribed.Select(s => UnsubscribeFromTransportAsync(s, timeout.Token));
        await Task.WhenAll(unsubscribes).WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> once disposal has begun.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>Every channel wanted and confirmed by the transport now (for reconnect checks).</summary>
    protected IReadOnlyList<ChannelSubscription> ConfirmedSubscriptions() => _subscriptions.Confirmed();

    /// <summary>Subscribes these channels again from scratch; completes when the transport has confirmed them all.</summary>
    protected Task ResubscribeAsync(IReadOnlyCollection<ChannelSubscription> lost) => _subscriptions.RefreshAsync(lost);

    // ---- Internals ----

    private DateTimeOffset Now => _time.GetUtcNow();

    // Go's per-instance counter: (instanceID, seq) identifies a group action.
    private ulong NextGroupActionSeq() => unchecked((ulong)Interlocked.Increment(ref _groupActionSeq));

    /// <summary>
    /// Encodes, delivers locally, then hands the envelope to the transport. Only the wait for the transport (and for
    /// local handlers that do not complete at once) is asynchronous, so a publish allocates no state machine of its
    /// own beyond that wait. Failures come back in the task, as from an async method.
    /// </summary>
    private Task PublishAsync<TData>(string channel, PubSubMessage message, TData data, CancellationToken ct)
        where TData : IEnvelopeData
    {
        byte[]? envelope = null;
        var localDelivery = ValueTask.CompletedTask;
        var encoding = false;
        try
        {
            ThrowIfDisposed();
            ct.ThrowIfCancellationRequested();
            encoding = true;
            PubSubMessage? alone = null;
            var dataRange = default(Range);
            if (!TransportCarriesMessages
                && data.WithoutEnvelope(message, out var dataLength) is var withData
                && EnvelopeWriter.MaxLength(message, dataLength, signed: _signer is not null) <= _maxMessageBytes)
            {
                // Nothing leaves this process, and the envelope is certainly within MaxMessageBytes: it would only
                // have been measured, so it is not written.
                alone = withData;
                encoding = false;
            }
            else
            {
                envelope = EnvelopeWriter.ToArray(message, data, _signer, channel, out dataRange);
                encoding = false;
                if (envelope.Length > _maxMessageBytes)
                {
                    throw new ArgumentException($"The message encodes to {envelope.Length} bytes; MaxMessageBytes is {_maxMessageBytes}. Nothing was delivered.", nameof(message));
                }
            }

            Metrics.Published();
            if (_subscriptions.IsWanted(channel))
            {
                localDelivery = DispatchAsync(channel, alone ?? data.ForLocalDelivery(message, envelope.AsMemory(dataRange)));
            }
        }
        catch (Exception ex) when (!(encoding && data.EncodingErrorsThrow))
        {
            return FailedTask(ex);
        }

        return localDelivery.IsCompletedSuccessfully
            ? SendAsync(channel, envelope, ct)
            : SendAfterLocalDeliveryAsync(localDelivery, channel, envelope, ct);
    }

    private async Task SendAfterLocalDeliveryAsync(ValueTask localDelivery, string channel, byte[]? envelope, CancellationToken ct)
    {
        await localDelivery.ConfigureAwait(false);
        await SendAsync(channel, envelope, ct).ConfigureAwait(false);
    }

    private Task SendAsync(string channel, byte[]? envelope, CancellationToken ct)
    {
        if (envelope is null)
        {
            return Task.CompletedTask;
        }

        Task sending;
        try
        {
            sending = PublishToTransportAsync(channel, envelope, ct);
        }
        catch (Exception ex)
        {
            sending = Task.FromException(ex);
        }

        return sending.IsCompletedSuccessfully ? Task.CompletedTask : CompleteSendAsync(sending, channel, ct);
    }

    private static async Task CompleteSendAsync(Task sending, string channel, CancellationToken ct)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not BroadcasterException)
        {
            throw new PublishFailedException(channel, ex);
        }
    }

    /// <summary>The task an async method would have returned for <paramref name="ex"/>: canceled for a cancellation, else faulted.</summary>
    private static Task FailedTask(Exception ex)
    {
        if (ex is not OperationCanceledException canceled)
        {
            return Task.FromException(ex);
        }

        var task = new TaskCompletionSource();
        task.SetCanceled(canceled.CancellationToken);
        return task.Task;
    }

    private ValueTask DispatchAsync(string channel, PubSubMessage message) => message switch
    {
        BroadcastMessage m => InvokeAsync(_broadcastHandlers.Current, m, channel),
        ServerActionMessage m => InvokeAsync(_serverActionHandlers.Current, m, channel),
        GroupActionMessage m => InvokeAsync(_groupActionHandlers.Current, m, channel),
        _ => ValueTask.CompletedTask,
    };

    private async ValueTask InvokeAsync<T>(Func<T, ValueTask>[] handlers, T message, string channel)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Metrics.Dropped.Increment(DropReason.HandlerError);
                Log.HandlerFailed(Logger, ex, channel);
            }
        }
    }

    private void Drop(string channel, DropReason reason, string detail)
    {
        Metrics.Dropped.Increment(reason);
        Log.MessageDropped(Logger, channel, DropCounters.TagOf(reason), detail);
    }

    private Task SubscribeGlobalChannel()
    {
        lock (_globalGate)
        {
            // The global channel is pinned: one reference for the broadcaster's lifetime.
            return _globalSubscription ??= _subscriptions.AcquireAsync(ChannelKind.GlobalBroadcast, null);
        }
    }

    private Task Acquire(ChannelKind kind, string scopeId, CancellationToken ct)
    {
        ThrowIfDisposed();
        return _subscriptions.AcquireAsync(kind, scopeId).WaitAsync(ct);
    }

    private Task Release(ChannelKind kind, string scopeId, CancellationToken ct)
        => _subscriptions.ReleaseAsync(kind, scopeId).WaitAsync(ct);

    private async Task ReconcileLoopAsync()
    {
        var ct = _disposing.Token;
        var attempt = 0;
        try
        {
            while (await _subscriptions.WaitForWorkAsync(ct).ConfigureAwait(false))
            {
                var dirty = _subscriptions.TakeDirty();
                var (failed, firstError) = await ReconcileAsync(dirty, ct).ConfigureAwait(false);
                if (failed == 0)
                {
                    attempt = 0;
                    continue;
                }

                var delay = RetryDelay(attempt++);
                Log.SubscriptionRetry(Logger, firstError!, failed, delay);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<(int Failed, Exception? FirstError)> ReconcileAsync(List<ChannelSubscription> dirty, CancellationToken ct)
    {
        var failed = 0;
        Exception? firstError = null;
        int subscribed = 0, unsubscribed = 0;
        for (var start = 0; start < dirty.Count; start += ReconcileBatchSize)
        {
            var batch = dirty.GetRange(start, Math.Min(ReconcileBatchSize, dirty.Count - start));
            var outcomes = await Task.WhenAll(batch.Select(entry => ReconcileOneAsync(entry, ct))).ConfigureAwait(false);
            foreach (var (change, error) in outcomes)
            {
                if (error is not null)
                {
                    failed++;
                    firstError ??= error;
                }
                else if (change is { Subscribe: true })
                {
                    subscribed++;
                }
                else if (change is { Subscribe: false })
                {
                    unsubscribed++;
                }
            }
        }

        Log.SubscriptionsChanged(Logger, subscribed, unsubscribed);
        return (failed, firstError);
    }

    private async Task<(TransportChange? Change, Exception? Error)> ReconcileOneAsync(ChannelSubscription entry, CancellationToken ct)
    {
        if (_subscriptions.Plan(entry) is not { } change)
        {
            return (null, null);
        }

        try
        {
            if (change.Subscribe)
            {
                await SubscribeToTransportAsync(entry, change.Refresh, ct).ConfigureAwait(false);
            }
            else
            {
                await UnsubscribeFromTransportAsync(entry, ct).ConfigureAwait(false);
            }

            _subscriptions.Complete(entry, change, succeeded: true);
            return (change, null);
        }
        catch (Exception ex)
        {
            _subscriptions.Complete(entry, change, succeeded: false);
            return (change, ex);
        }
    }

    private static GroupId Require(GroupId id) => ScopeIdRules.Require(id, "groupId");

    private static UserId Require(UserId id) => ScopeIdRules.Require(id, "userId");
}
