using LiveTemplate.Typed.PubSub.Telemetry;

namespace LiveTemplate.Typed.PubSub;

// Subscribing (reference-counted, through the subscription table) and receiving from the transport.
public abstract partial class ChannelBroadcaster
{
    /// <inheritdoc />
    public Task SubscribeAsync(Func<BroadcastMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _delivery.OnBroadcast(handler);
        return SubscribeGlobalChannel().WaitAsync(ct);
    }

    /// <inheritdoc />
    public Task SubscribeServerActionsAsync(Func<ServerActionMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _delivery.OnServerAction(handler);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SubscribeGroupActionsAsync(Func<GroupActionMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _delivery.OnGroupAction(handler);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SubscribeTopicActionsAsync(Func<TopicActionMessage, ValueTask> handler, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        _delivery.OnTopicAction(handler);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SubscribeToTopicAsync(Topic topic, CancellationToken ct = default) => Acquire(ChannelKind.Topic, Typed.Topic.Require(topic, nameof(topic)).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromTopicAsync(Topic topic, CancellationToken ct = default) => Release(ChannelKind.Topic, Typed.Topic.Require(topic, nameof(topic)).Value, ct);

    /// <inheritdoc />
    public Task SubscribeToPatternAsync(TopicPattern pattern, CancellationToken ct = default) => Acquire(ChannelKind.TopicPattern, Typed.TopicPattern.Require(pattern, nameof(pattern)).Value, ct);

    /// <inheritdoc />
    public Task UnsubscribeFromPatternAsync(TopicPattern pattern, CancellationToken ct = default) => Release(ChannelKind.TopicPattern, Typed.TopicPattern.Require(pattern, nameof(pattern)).Value, ct);

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

    // Receiving: what the transport hands in.

    /// <summary>
    /// Handles one envelope that arrived on <paramref name="subscription"/>'s channel. Call it in the channel's
    /// order and await it before the next one. Bad input is dropped, logged once with the channel and counted;
    /// this method does not throw.
    /// </summary>
    protected ValueTask OnTransportMessageAsync(ChannelSubscription subscription, ReadOnlyMemory<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return OnTransportMessageAsync(subscription, subscription.Channel, envelope);
    }

    /// <summary>
    /// Handles one envelope that arrived on <paramref name="channel"/> through <paramref name="subscription"/>: the same
    /// channel, or for a pattern subscription the channel the pattern matched. Otherwise as the overload without it.
    /// </summary>
    protected async ValueTask OnTransportMessageAsync(ChannelSubscription subscription, string channel, ReadOnlyMemory<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(channel);
        if (IsDisposed)
        {
            return;
        }

        try
        {
            switch (_intake.Accept(subscription, channel, envelope))
            {
                case TopicActionMessage topicAction when _topicCopies.GateOf(topicAction) is { } gate:
                    await DeliverFirstCopyAsync(gate, subscription, channel, topicAction).ConfigureAwait(false);
                    break;
                case { } message:
                    await DeliverReceivedAsync(subscription, channel, message).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex)
        {
            // Nothing above is expected to throw (handlers are isolated, the intake returns null); if something
            // does, this message is lost but the channel's receive loop lives on.
            _drops.Drop(channel, DropReason.Malformed, $"Unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async ValueTask DeliverFirstCopyAsync(SemaphoreSlim gate, ChannelSubscription subscription, string channel, TopicActionMessage message)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_topicCopies.IsRepeat(message))
            {
                _drops.Count(DropReason.DuplicateCopy, 1); // expected, not logged: exact and pattern both carried it
                return;
            }

            await DeliverReceivedAsync(subscription, channel, message).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask DeliverReceivedAsync(ChannelSubscription subscription, string channel, PubSubMessage message)
    {
        // The decoder drops this instance's echoes unless they carry a position: only a positioned message can be one
        // (a channel with history brings this instance's own messages back, in stream order), so only it is compared.
        var isEcho = message.Position is not null && string.Equals(message.InstanceId, InstanceId, StringComparison.Ordinal);
        if (message.Position is not null && !_history.Tracks(message.ChannelKind))
        {
            if (isEcho)
            {
                return; // A position this instance never stamps (no history for the kind here): an echo like the others.
            }

            // Topics keep no history, nor do the kinds left out of History here: a position on such a message (stamped
            // by an instance configured otherwise, or by any client of the transport) means nothing: delivered live.
            message.Position = null;
        }

        if (!isEcho)
        {
            Metrics.Received();
            Metrics.Delivered(message, _time);
        }

        using var activity = BroadcasterTracing.StartReceive(channel, message);
        await (message.Position is null
            ? _delivery.DeliverAsync(channel, message)
            : _history.DeliverAsync(subscription, message)).ConfigureAwait(false);
    }
}
